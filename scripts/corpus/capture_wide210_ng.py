"""Round 210: an Angular workspace of this round's own (a public library's lending desk, `lending`) with faults of its
own put in (a signal compared without being called, a required input not bound, an unknown property on a native
element, a `@for` without `track`, an output emitting the wrong type, a component used but not imported), widened by a
seeded generator, run through the Angular CLI. The needles come from round 195's Angular extractors, imported. Run
through capture_wide210.py."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from capture_more import write_tree
from capture_wide195_ng import n_ng_build, n_ng_generate, n_ng_lint, n_ng_test, n_ng_version
from capture_wide210 import cap

TOOLS = Path(os.environ.get("HM_WIDE210_TOOLS", "/dev/shm/r210/tools"))
ENV = {"npm_config_cache": str(TOOLS / "npm-cache"), "NG_CLI_ANALYTICS": "false", "CHROME_BIN": "/usr/bin/chromium",
       "CI": "1", "NO_UPDATE_NOTIFIER": "1",
       "PATH": os.pathsep.join([str(TOOLS / "ng" / "node_modules" / ".bin"), os.environ.get("PATH", "")])}
WORDS = ["loan", "shelf", "patron", "fine", "catalogue", "hold", "branch", "isbn", "return", "renewal", "reader"]


def ng(item_id: str, command: str, cwd: Path, extractor, timeout: int = 600) -> None:
    cap(item_id, command, cwd, extractor, timeout=timeout, env=ENV)


def panel(name: str, cls: str, fault: str | None, rnd: random.Random) -> dict[str, str]:
    fields = [f"{rnd.choice(WORDS)}{k}" for k in range(rnd.randint(2, 5))]
    sigs = "\n".join(f"  readonly {f} = signal({rnd.randint(0, 40)});" for f in fields)
    items = "\n".join(f"    <dt>{f}</dt><dd>{{{{ {f}() }}}}</dd>" for f in fields)
    imports, extra_ts, extra_html, head = "", "", "", ""
    if fault == "uncalled":
        extra_html = f"\n  @if ({fields[0]} > 3) {{ <p class=\"warn\">many</p> }}"
    elif fault == "required":
        head = "import { DueDateComponent } from '../../due-date/due-date.component';\n"
        imports = "DueDateComponent"
        extra_html = "\n  <app-due-date></app-due-date>"
    elif fault == "native":
        extra_html = "\n  <progress [colour]=\"'amber'\" max=\"14\"></progress>"
    elif fault == "track":
        extra_ts = "\n  readonly copies = ['c1', 'c2', 'c3'];"
        extra_html = "\n  @for (c of copies) { <span>{{ c }}</span> }"
    elif fault == "emit":
        extra_ts = "\n  readonly renewed = output<number>();\n  renew(): void { this.renewed.emit('twice'); }"
    elif fault == "unimported":
        extra_html = "\n  <app-shelf-map [floor]=\"2\"></app-shelf-map>"
    core = "Component, signal" + (", output" if fault == "emit" else "")
    ts = (f"import {{ {core} }} from '@angular/core';\n{head}\n@Component({{\n  selector: 'app-{name}',\n"
          f"  imports: [{imports}],\n  template: `<section class=\"{name}\">\n  <h3>{name}</h3>\n  <dl>\n{items}\n"
          f"  </dl>{extra_html}\n</section>`,\n}})\nexport class {cls} {{\n{sigs}{extra_ts}\n}}\n")
    return {f"src/app/desk/{name}/{name}.component.ts": ts}


def workspace(root: Path, broken: bool, n: int = 44, seed: int = 210) -> Path:
    rnd = random.Random(seed)
    faults = ["uncalled", "required", "native", "track", "emit", "unimported"] if broken else []
    files: dict[str, str] = {}
    names = []
    for k in range(n):
        name = f"{WORDS[k % len(WORDS)]}-desk-{k}"
        cls = "".join(p.capitalize() for p in name.split("-")) + "Component"
        fault = faults[(k // 4) % len(faults)] if faults and k % 4 == 2 else None
        files.update(panel(name, cls, fault, rnd))
        names.append((name, cls))
    routes = ",\n".join(f"  {{ path: '{nm}', loadComponent: () => import('./desk/{nm}/{nm}.component')"
                        f".then((m) => m.{cls}) }}" for nm, cls in names)
    arch = {
        "build": {"builder": "@angular/build:application",
                  "options": {"browser": "src/main.ts", "tsConfig": "tsconfig.app.json", "index": "src/index.html",
                              "styles": ["src/styles.css"], "outputPath": "dist/lending"},
                  "configurations": {"production": {"budgets": [
                      {"type": "initial", "maximumWarning": "150kB", "maximumError": "1MB"},
                      {"type": "anyComponentStyle", "maximumWarning": "600B", "maximumError": "4kB"}],
                      "outputHashing": "all"}, "development": {"optimization": False, "sourceMap": True}},
                  "defaultConfiguration": "production"},
        "test": {"builder": "@angular/build:karma",
                 "options": {"tsConfig": "tsconfig.spec.json", "karmaConfig": "karma.conf.js"}},
        "lint": {"builder": "@angular-eslint/builder:lint",
                 "options": {"lintFilePatterns": ["src/**/*.ts", "src/**/*.html"]}}}
    files.update({
        "angular.json": json.dumps({"version": 1, "newProjectRoot": "projects", "cli": {"analytics": False},
                                    "projects": {"lending": {"projectType": "application", "root": "",
                                                             "sourceRoot": "src", "prefix": "app",
                                                             "architect": arch}}}, indent=2),
        "package.json": json.dumps({"name": "lending", "version": "2.1.0", "private": True, "dependencies": {
            **{f"@angular/{p}": "21.2.24" for p in ("core", "common", "compiler", "platform-browser", "router",
                                                     "forms")}, "rxjs": "~7.8.0", "tslib": "^2.3.0"},
            "devDependencies": {"@angular/cli": "21.2.24", "@angular/build": "21.2.24",
                                "@angular/compiler-cli": "21.2.24", "typescript": "~5.9.0"}}, indent=2),
        "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "skipLibCheck": True, "target": "ES2022",
                                                         "module": "preserve", "moduleResolution": "bundler",
                                                         "isolatedModules": True, "outDir": "./dist/out-tsc"},
                                     "angularCompilerOptions": {"strictTemplates": True}}, indent=2),
        "tsconfig.app.json": json.dumps({"extends": "./tsconfig.json", "include": ["src/**/*.ts"],
                                         "exclude": ["src/**/*.spec.ts"]}),
        "tsconfig.spec.json": json.dumps({"extends": "./tsconfig.json", "compilerOptions": {"types": ["jasmine"]},
                                          "include": ["src/**/*.ts"]}),
        "karma.conf.js": "module.exports = (config) => config.set({\n  frameworks: ['jasmine'],\n"
                         "  plugins: [require('karma-jasmine'), require('karma-chrome-launcher')],\n"
                         "  customLaunchers: { Headless: { base: 'ChromeHeadless', flags: ['--no-sandbox'] } },\n"
                         "  browsers: ['Headless'], reporters: ['progress'], singleRun: true,\n});\n",
        "eslint.config.js": "const eslint = require('@eslint/js');\nconst tseslint = require('typescript-eslint');\n"
                            "const angular = require('angular-eslint');\nmodule.exports = tseslint.config(\n"
                            "  { files: ['**/*.ts'], extends: [eslint.configs.recommended, ...tseslint.configs.recommended,"
                            " ...angular.configs.tsRecommended], processor: angular.processInlineTemplates,\n"
                            "    rules: { 'no-console': 'warn', '@angular-eslint/prefer-on-push-component-change-detection':"
                            " 'warn' } },\n  { files: ['**/*.html'], extends: [...angular.configs.templateRecommended,"
                            " ...angular.configs.templateAccessibility] },\n);\n",
        "src/index.html": "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lending</title>"
                          "<base href=\"/\"></head><body><app-root></app-root></body></html>\n",
        "src/styles.css": "".join(f".shelf-{k} {{ margin: {k % 7}px; color: #3{k % 10}{k % 7}; }}\n" for k in range(300)),
        "src/main.ts": "import { bootstrapApplication } from '@angular/platform-browser';\nimport { provideRouter } "
                       "from '@angular/router';\nimport { AppComponent } from './app/app.component';\nimport { routes } "
                       "from './app/app.routes';\n\nbootstrapApplication(AppComponent, { providers: "
                       "[provideRouter(routes)] }).catch((e) => console.error(e));\n",
        "src/app/app.routes.ts": f"import {{ Routes }} from '@angular/router';\n\nexport const routes: Routes = [\n"
                                 f"{routes}\n];\n",
        "src/app/app.component.ts": "import { Component } from '@angular/core';\nimport { RouterOutlet } from "
                                    "'@angular/router';\n\n@Component({\n  selector: 'app-root',\n  imports: "
                                    "[RouterOutlet],\n  template: `<h1>Lending desk</h1><router-outlet />`,\n  styles: "
                                    "[`h1 { font-size: 2rem; }\n" + "".join(f".tab-{k} {{ order: {k}; }}\n" for k in range(60))
                                    + "`],\n})\nexport class AppComponent {}\n",
        "src/app/due-date/due-date.component.ts": "import { Component, input } from '@angular/core';\n\n@Component({\n"
                                                  "  selector: 'app-due-date',\n  template: `<time>{{ due() }}</time>`,\n"
                                                  "})\nexport class DueDateComponent {\n  readonly due = "
                                                  "input.required<string>();\n}\n",
        "src/app/fines.ts": "export function fine(daysLate: number, rate = 0.25): number {\n"
                            "  // bug put in: the first day late is free only when it should not be\n"
                            "  return Math.max(0, daysLate - 1) * rate;\n}\n\n"
                            "export function renewals(loans: number[]): number {\n  return loans.filter((d) => d > 21)"
                            ".length;\n}\n",
        "src/app/fines.spec.ts": "import { fine, renewals } from './fines';\n\ndescribe('fines', () => {\n"
                                 "  it('charges one day late', () => { expect(fine(1)).toBe(0.25); });\n"
                                 "  it('charges a week late', () => { expect(fine(7)).toBeCloseTo(1.75, 2); });\n"
                                 "  it('has no fine on time', () => { expect(fine(0)).toBe(0); });\n"
                                 "  it('counts long loans', () => { expect(renewals([7, 22, 30, 21])).toEqual(3); });\n"
                                 "});\n",
    })
    write_tree(root, files)
    nm = root / "node_modules"
    if not nm.exists():
        nm.symlink_to(TOOLS / "ng" / "node_modules")
    return root


def pair(tmp: Path) -> tuple[Path, Path]:
    bad, good = tmp / "lending", tmp / "lending-fixed"
    if not bad.exists():
        workspace(bad, broken=True)
        workspace(good, broken=False, n=52, seed=2100)
    return bad, good


def cap_ng(tmp: Path) -> None:
    bad, good = pair(tmp)
    ng("ng-build-desk-faults", "ng build; echo EXIT=$?", bad, n_ng_build)
    ng("ng-build-grep-errors", "ng build --configuration development 2>&1 | grep -E -A3 'ERROR' | head -n 120", bad,
       n_ng_build)
    ng("ng-build-fixed-budgets", "ng build 2>&1 | tail -n 70", good, n_ng_build)
    ng("ng-test-fines-headless", "ng test --watch=false --no-progress 2>&1 | tail -n 90; echo EXIT=$?", good, n_ng_test)
    ng("ng-lint-desk", "ng lint 2>&1 | head -n 140", bad, n_ng_lint)
    ng("ng-generate-lending-dry-run", "ng g component desk/overdue-list --dry-run; ng g service data/catalogue "
       "--dry-run; ng g pipe pipes/due-in --dry-run; ng g class models/patron --dry-run; ng g component "
       "desk/loan-desk-0 --dry-run; ng g service 'bad name' --dry-run; ng g component x --style=sass2 --dry-run; "
       "echo EXIT=$?", good, n_ng_generate)
    ng("ng-version-lending", "ng version 2>&1 | head -n 60", good, n_ng_version)


STEPS = [cap_ng]
