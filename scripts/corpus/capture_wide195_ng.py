"""Round 195: an Angular workspace written here (a marina's berth-booking app, `moorings`) with faults put in,
widened by a seeded generator, run through the Angular CLI; the extractors of NEEDLES.md's "Round 195" Angular rules.
Run through capture_wide195.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, next_match, write_tree
from capture_wide195 import cap, exit_lines, link_modules

LOC = re.compile(r"\S+\.(?:ts|html|css|scss|js|mjs|json):\d+(?::\d+)?")

# ------------------------------------------------------------------ extractors


def _err_blocks(lines):
    """Every [ERROR] header with the file:line:col line within six after it; [WARNING] one {any} per (shape, file)."""
    out, pairs = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\[ERROR\]|^\s*(✘|X) |^Error: |error TS\d+|^\s*ERROR\b", ln):
            out.append(ln)
            out.append(next_match(lines, i, LOC.pattern))
        elif re.search(r"\[WARNING\]|^\s*▲ ", ln):
            loc = next_match(lines, i, LOC.pattern)
            f = LOC.search(loc).group(0).split(":")[0] if loc else ""
            pairs.append(((mask(ln), f), ln))
    return out + groups(pairs)


@cm.kind("ng-build", "build")
def n_ng_build(lines):
    """Every [ERROR] line with its file:line:col line within six, [WARNING] one {any} per (shape, file), budget lines, the Application bundle generation line; the chunk table's header, Initial total, largest and smallest rows, Output location; EXIT."""
    out = _err_blocks(lines)
    out += [ln for ln in lines if re.search(r"budget", ln) and ln not in out and "[WARNING]" not in ln]
    out += [ln for ln in lines if re.search(r"Application bundle generation (failed|complete)", ln)]
    out += [ln for ln in lines if re.match(r"\s*(Initial chunk files|Lazy chunk files|Initial total|Output location:)", ln)]
    rows = [ln for ln in lines if re.match(r"\s*\S+\.(js|css)\s+\|", ln)]
    sized = []
    for r in rows:
        m = re.findall(r"\|\s*([\d.]+)\s*(kB|MB|bytes|B)\b", r)
        if m:
            v, u = m[0]
            sized.append((float(v) * {"bytes": 1, "B": 1, "kB": 1e3, "MB": 1e6}[u], r))
    if sized:
        out += [max(sized)[1], min(sized)[1]]
    return out + exit_lines(lines)


@cm.kind("ng-generate-dry-run", "build")
def n_ng_generate(lines):
    """Every CREATE/UPDATE/DELETE/RENAME line, every Error/error/already exists/does not validate/Unknown argument line, the NOTE: --dry-run line; EXIT."""
    out = [ln for ln in lines if re.match(r"\s*(CREATE|UPDATE|DELETE|RENAME) ", ln)]
    out += [ln for ln in lines if re.search(r"Error|error|already exists|does not validate|Unknown argument", ln)]
    out += [ln for ln in lines if ln.startswith("NOTE: The \"--dry-run\" option")]
    return out + exit_lines(lines)


@cm.kind("ng-lint", "lint")
def n_ng_lint(lines):
    """Every error finding line with its file header, warnings one {any} per (rule, file), the ✖ N problems line, the Lint errors found / All files pass line, every Linting "project" line; EXIT."""
    out, pairs, cur = [], [], None
    for ln in lines:
        if re.match(r"^/\S+|^[\w./-]+\.(ts|html)$", ln):
            cur = ln
        m = re.match(r"\s+\d+:\d+\s+(error|warning)\s+.*?(\S+)$", ln)
        if m:
            if m.group(1) == "error":
                out += [cur, ln]
            else:
                pairs.append(((cur, m.group(2)), ln))
    out += groups(pairs)
    out += [ln for ln in lines if re.search(r"✖ \d+ problems?|Lint errors found in the listed files|All files pass "
                                            r"linting|^Linting \"", ln)]
    out += [ln for ln in lines if re.search(r"^Error:|^An unhandled exception", ln)]
    return out + exit_lines(lines)


@cm.kind("ng-test", "test")
def n_ng_test(lines):
    """Every FAILED spec line with the first Error/Expected/TypeError line within six after it, compile [ERROR] lines with their location, the last Executed N of M line, the TOTAL line; EXIT."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bFAILED$", ln) and not re.search(r"Executed \d+ of", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"Error:|Expected|TypeError|ReferenceError|Failed:"))
    out += [ln for ln in _err_blocks(lines) if ln is None or "[ERROR]" in ln or LOC.search(ln or "")]
    executed = [ln for ln in lines if re.search(r"Executed \d+ of \d+", ln)]
    out += executed[-1:]
    out += [ln for ln in lines if re.search(r"^TOTAL: ", ln.strip())]
    out += [ln for ln in lines if re.search(r"ERROR \[|Cannot start|No binary for", ln)]
    return out + exit_lines(lines)


@cm.kind("ng-version", "listing")
def n_ng_version(lines):
    """The Angular CLI/Node/Package Manager/OS/Angular lines, the package table header and every package row, Warning lines; EXIT."""
    out = [ln for ln in lines if re.match(r"\s*(Angular CLI|Node(\.js)?|Package Manager|OS|Operating System|Angular)\s*:", ln)]
    out += [ln for ln in lines if re.match(r"\s*[│|]?\s*Package\s", ln) or re.match(r"\s*Package\s+Version", ln)]
    out += [ln for ln in lines if re.search(r"^\s*[│|]?\s*(@[\w-]+/)?[\w.-]+\s+[│|]\s*\^?~?\d+\.\d+", ln)
            or re.match(r"\s*(@[\w-]+/[\w.-]+|rxjs|typescript|zone\.js|[\w.-]+)\s{2,}[\^~]?\d+\.\d+\.\d+", ln)]
    out += [ln for ln in lines if re.search(r"[Ww]arning", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the workspace

WORDS = ["berth", "tide", "pontoon", "mooring", "harbour", "keel", "buoy", "slip", "jetty", "ferry", "crane", "fuel"]


def component(name: str, cls: str, broken: str | None, rnd: random.Random) -> dict[str, str]:
    fields = [f"{rnd.choice(WORDS)}{k}" for k in range(rnd.randint(3, 6))]
    inputs = "\n".join(f"  readonly {f} = input<number>({rnd.randint(1, 90)});" for f in fields)
    rows = "\n".join(f'    <li class="row">{f}: {{{{ {f}() }}}} m</li>' for f in fields)
    ts_extra, html_extra, imports = "", "", "CommonModule"
    if broken == "type":
        ts_extra = "\n  readonly total: number = this.label;\n  label = 'berths';\n"
    elif broken == "binding":
        html_extra = '\n    <app-berth-card [berthId]="7" [vessel]="current"></app-berth-card>'
        imports = "CommonModule, BerthCardComponent"
    elif broken == "prop":
        html_extra = "\n    <p>{{ vessel.lenght }} m, draft {{ vessel.draught }}</p>"
        ts_extra = "\n  vessel = { name: 'Aurora', length: 12.4, draft: 1.8 };\n"
    elif broken == "element":
        html_extra = "\n    <app-tide-widget [port]=\"'Kiel'\"></app-tide-widget>"
    elif broken == "import":
        ts_extra = "\n  readonly fmt = formatTide(3.2);\n"
    elif broken == "pipe":
        html_extra = "\n    <span>{{ 4.25 | tideHeight:'m' }}</span>"
    elif broken == "event":
        html_extra = '\n    <button (click)="reserve(slot)">reserve</button>'
    head = "import { Component, input } from '@angular/core';\nimport { CommonModule } from '@angular/common';\n"
    if broken == "binding":
        head += "import { BerthCardComponent } from '../berth-card/berth-card.component';\n"
    if broken == "import":
        head += "import { formatTide } from '../../util/tide-format';\n"
    ts = (f"{head}\n@Component({{\n  selector: 'app-{name}',\n  standalone: true,\n  imports: [{imports}],\n"
          f"  templateUrl: './{name}.component.html',\n}})\nexport class {cls} {{\n{inputs}{ts_extra}\n}}\n")
    html = f'<section class="{name}">\n  <h2>{name}</h2>\n  <ul>\n{rows}\n  </ul>{html_extra}\n</section>\n'
    return {f"src/app/parts/{name}/{name}.component.ts": ts, f"src/app/parts/{name}/{name}.component.html": html}


def workspace(root: Path, broken: bool, n: int = 60, seed: int = 195) -> Path:
    rnd = random.Random(seed)
    faults = ["type", "binding", "prop", "element", "import", "pipe", "event", "type", "prop"] if broken else []
    files: dict[str, str] = {}
    names = []
    for k in range(n):
        name = f"{WORDS[k % len(WORDS)]}-panel-{k}"
        cls = "".join(p.capitalize() for p in name.split("-")) + "Component"
        fault = faults[(k // 3) % len(faults)] if faults and k % 3 == 1 else None
        files.update(component(name, cls, fault, rnd))
        names.append((name, cls))
    routes = ",\n".join(f"  {{ path: '{nm.replace('-panel', '')}', loadComponent: () => import('./parts/{nm}/{nm}"
                        f".component').then(m => m.{cls}) }}" for nm, cls in names)
    if broken:
        routes += ",\n  { path: 'reports', loadComponent: () => import('./pages/reports.page').then(m => m.ReportsPage) }"
    files.update({
        "angular.json": json.dumps({
            "$schema": "./node_modules/@angular/cli/lib/config/schema.json", "version": 1, "newProjectRoot": "projects",
            "cli": {"analytics": False},
            "projects": {"moorings": {
                "projectType": "application", "root": "", "sourceRoot": "src", "prefix": "app",
                "architect": {
                    "build": {"builder": "@angular/build:application",
                              "options": {"browser": "src/main.ts", "tsConfig": "tsconfig.app.json",
                                          "index": "src/index.html", "styles": ["src/styles.css"],
                                          "outputPath": "dist/moorings"},
                              "configurations": {
                                  "production": {"budgets": [
                                      {"type": "initial", "maximumWarning": "120kB", "maximumError": "2MB"},
                                      {"type": "anyComponentStyle", "maximumWarning": "1kB", "maximumError": "3kB"}],
                                      "outputHashing": "all"},
                                  "development": {"optimization": False, "sourceMap": True}},
                              "defaultConfiguration": "production"},
                    "test": {"builder": "@angular/build:karma",
                             "options": {"tsConfig": "tsconfig.spec.json", "karmaConfig": "karma.conf.js",
                                         "styles": ["src/styles.css"]}},
                    "lint": {"builder": "@angular-eslint/builder:lint",
                             "options": {"lintFilePatterns": ["src/**/*.ts", "src/**/*.html"]}}}}}}, indent=2),
        "package.json": json.dumps({"name": "moorings", "version": "0.4.0", "private": True,
                                    "scripts": {"build": "ng build", "test": "ng test"}}, indent=2),
        "tsconfig.json": json.dumps({"compilerOptions": {
            "strict": True, "noImplicitOverride": True, "noImplicitReturns": True, "skipLibCheck": True,
            "isolatedModules": True, "experimentalDecorators": True, "importHelpers": True, "target": "ES2022",
            "module": "preserve", "moduleResolution": "bundler", "outDir": "./dist/out-tsc"},
            "angularCompilerOptions": {"strictTemplates": True, "strictInjectionParameters": True,
                                       "strictInputAccessModifiers": True}}, indent=2),
        "tsconfig.app.json": json.dumps({"extends": "./tsconfig.json", "compilerOptions": {"types": []},
                                         "include": ["src/**/*.ts"], "exclude": ["src/**/*.spec.ts"]}, indent=2),
        "tsconfig.spec.json": json.dumps({"extends": "./tsconfig.json", "compilerOptions": {"types": ["jasmine"]},
                                          "include": ["src/**/*.ts"]}, indent=2),
        "karma.conf.js": """
            module.exports = function (config) {
              config.set({
                basePath: '',
                frameworks: ['jasmine'],
                plugins: [require('karma-jasmine'), require('karma-chrome-launcher'),
                          require('karma-jasmine-html-reporter'), require('karma-coverage')],
                customLaunchers: {
                  ChromeHeadlessCI: { base: 'ChromeHeadless', flags: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] },
                },
                browsers: ['ChromeHeadlessCI'],
                reporters: ['progress'],
                singleRun: true,
                restartOnFileChange: false,
              });
            };
            """,
        "eslint.config.js": """
            // @ts-check
            const eslint = require('@eslint/js');
            const tseslint = require('typescript-eslint');
            const angular = require('angular-eslint');
            module.exports = tseslint.config(
              {
                files: ['**/*.ts'],
                extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...tseslint.configs.stylistic,
                          ...angular.configs.tsRecommended],
                processor: angular.processInlineTemplates,
                rules: {
                  '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
                  '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
                  '@typescript-eslint/no-unused-vars': 'warn',
                  'no-console': 'warn',
                },
              },
              {
                files: ['**/*.html'],
                extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
                rules: {},
              },
            );
            """,
        "src/index.html": "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Moorings</title>"
                          "<base href=\"/\"></head>\n<body><app-root></app-root></body>\n</html>\n",
        "src/styles.css": "body { font-family: sans-serif; margin: 0; }\n" + "".join(
            f".dock-{k} {{ padding: {k % 9}px; border-left: {k % 5}px solid #0a{k % 10}; }}\n" for k in range(400)),
        "src/main.ts": "import { bootstrapApplication } from '@angular/platform-browser';\nimport { appConfig } from "
                       "'./app/app.config';\nimport { AppComponent } from './app/app.component';\n\n"
                       "bootstrapApplication(AppComponent, appConfig).catch((err) => console.error(err));\n",
        "src/app/app.config.ts": "import { ApplicationConfig } from '@angular/core';\nimport { provideRouter } from "
                                 "'@angular/router';\nimport { routes } from './app.routes';\n\nexport const appConfig: "
                                 "ApplicationConfig = { providers: [provideRouter(routes)] };\n",
        "src/app/app.routes.ts": f"import {{ Routes }} from '@angular/router';\n\nexport const routes: Routes = [\n{routes}\n];\n",
        "src/app/app.component.ts": """
            import { Component, inject } from '@angular/core';
            import { RouterOutlet, RouterLink } from '@angular/router';
            import { BerthService } from './berth.service';

            @Component({
              selector: 'app-root',
              standalone: true,
              imports: [RouterOutlet, RouterLink],
              template: `<h1>{{ title }}</h1><p class="free">{{ free }} berths free</p><router-outlet />`,
              styles: [`h1 { color: #024; }`],
            })
            export class AppComponent {
              title = 'Moorings';
              private readonly berths = inject(BerthService);
              free = this.berths.freeCount();
            }
            """,
        "src/app/berth.service.ts": """
            import { Injectable } from '@angular/core';

            export interface Berth { id: string; pontoon: string; length: number; occupied: boolean; rate: number; }

            @Injectable({ providedIn: 'root' })
            export class BerthService {
              readonly berths: Berth[] = [
                { id: 'A1', pontoon: 'A', length: 10, occupied: false, rate: 32 },
                { id: 'A2', pontoon: 'A', length: 12, occupied: true, rate: 38 },
                { id: 'B1', pontoon: 'B', length: 15, occupied: false, rate: 45 },
                { id: 'B2', pontoon: 'B', length: 18, occupied: false, rate: 52 },
              ];
              freeCount(): number {
                return this.berths.filter((b) => !b.occupied).length;
              }
              fits(lengthM: number): Berth[] {
                // bug put in: a boat fits a berth of its own length only when strictly shorter
                return this.berths.filter((b) => !b.occupied && b.length > lengthM);
              }
              nightly(id: string, nights: number): number {
                const b = this.berths.find((x) => x.id === id);
                if (!b) throw new Error(`unknown berth ${id}`);
                // bug put in: the weekly discount is applied from the sixth night
                return nights > 5 ? b.rate * nights * 0.9 : b.rate * nights;
              }
            }
            """,
        "src/app/berth-card/berth-card.component.ts": """
            import { Component, input } from '@angular/core';

            @Component({
              selector: 'app-berth-card',
              standalone: true,
              template: `<div class="card">{{ vessel()?.name }}</div>`,
              styles: [`.card { border: 1px solid #ccc; padding: 4px; }`],
            })
            export class BerthCardComponent {
              readonly vessel = input<{ name: string } | null>(null);
            }
            """,
        "src/app/berth.service.spec.ts": """
            import { TestBed } from '@angular/core/testing';
            import { BerthService } from './berth.service';

            describe('BerthService', () => {
              let service: BerthService;
              beforeEach(() => {
                TestBed.configureTestingModule({});
                service = TestBed.inject(BerthService);
              });
              it('counts free berths', () => {
                expect(service.freeCount()).toBe(3);
              });
              it('finds berths a 12 m boat fits', () => {
                expect(service.fits(12).map((b) => b.id)).toEqual(['B1', 'B2']);
              });
              it('fits a 15 m boat into a 15 m berth', () => {
                expect(service.fits(15).map((b) => b.id)).toContain('B1');
              });
              it('prices a week with the discount', () => {
                expect(service.nightly('A1', 7)).toBeCloseTo(201.6, 1);
              });
              it('prices five nights without the discount', () => {
                expect(service.nightly('B1', 5)).toBe(225);
              });
              it('prices six nights with the discount', () => {
                expect(service.nightly('B2', 6)).toBe(312);
              });
              it('rejects an unknown berth', () => {
                expect(() => service.nightly('Z9', 1)).toThrowError('no such berth Z9');
              });
            });
            """,
        "src/app/app.component.spec.ts": """
            import { TestBed } from '@angular/core/testing';
            import { provideRouter } from '@angular/router';
            import { AppComponent } from './app.component';

            describe('AppComponent', () => {
              beforeEach(async () => {
                await TestBed.configureTestingModule({ imports: [AppComponent], providers: [provideRouter([])] }).compileComponents();
              });
              it('creates the app', () => {
                const fixture = TestBed.createComponent(AppComponent);
                expect(fixture.componentInstance).toBeTruthy();
              });
              it('renders the title', async () => {
                const fixture = TestBed.createComponent(AppComponent);
                await fixture.whenStable();
                const el = fixture.nativeElement as HTMLElement;
                expect(el.querySelector('h1')?.textContent).toContain('Moorings Harbour');
              });
              it('shows the free berths', async () => {
                const fixture = TestBed.createComponent(AppComponent);
                await fixture.whenStable();
                const el = fixture.nativeElement as HTMLElement;
                expect(el.querySelector('.free')?.textContent).toBe('3 berths free');
              });
              it('reads the harbour master from the config', () => {
                const fixture = TestBed.createComponent(AppComponent);
                const app = fixture.componentInstance as unknown as { config: { master: string } };
                expect(app.config.master).toBe('H. Lindqvist');
              });
            });
            """,
    })
    if broken:
        files["src/app/lint-bait.ts"] = """
            import { Component, Directive, OnInit } from '@angular/core';

            @Directive({ selector: '[highlightTide]', standalone: true })
            export class TideHighlightDirective {}

            @Component({ selector: 'tideTable', standalone: true, template: '<img src="tide.png"><div (click)="go()">go</div>' })
            export class TideTableComponent implements OnInit {
              private unused: any = 1;
              ngOnInit() {}
              go(): void { console.log('go'); }
            }
            """
    if broken:
        files.update(lint_bait(rnd))
    write_tree(root, files)
    return root


def lint_bait(rnd: random.Random, n: int = 26) -> dict[str, str]:
    """Directives and components with lint findings put in (seeded): selectors without the prefix, `any`, empty
    lifecycle hooks, console calls, outputs named on*, renamed inputs, hooks without their interface."""
    files = {}
    for k in range(n):
        w = WORDS[k % len(WORDS)]
        sel = f"{w}Dock{k}" if rnd.random() < 0.5 else f"app-{w}-dock-{k}"
        body = [f"  readonly depth{k}: number = {rnd.randint(1, 30)};"]
        if rnd.random() < 0.5:
            body.append(f"  private cache: any = {{ k: {k} }};")
        if rnd.random() < 0.4:
            body.append("  ngOnInit() {}")
        if rnd.random() < 0.4:
            body.append(f"  log(): void {{ console.log('{w}', this.depth{k}); }}")
        if rnd.random() < 0.35:
            body.append(f"  @Output() on{w.capitalize()} = new EventEmitter<number>();")
        if rnd.random() < 0.35:
            body.append(f"  @Input('{w}Alias') {w}Level = 0;")
        tmpl = rnd.choice(['<img src="buoy.png">', '<div (click)="noop()">{{ depth%d }}</div>' % k,
                           '<p>{{ depth%d }}</p>' % k, '<a href="#" (mouseover)="noop()">x</a>'])
        body.append("  noop(): void { return; }")
        files[f"src/app/bait/{w}-dock-{k}.ts"] = (
            "import { Component, EventEmitter, Input, Output } from '@angular/core';\n\n"
            f"@Component({{ selector: '{sel}', standalone: true, template: '{tmpl}' }})\n"
            f"export class {w.capitalize()}Dock{k}Component {{\n" + "\n".join(body) + "\n}\n")
    return files


def workspace_pair(tmp: Path) -> tuple[Path, Path]:
    bad, good = tmp / "moorings", tmp / "moorings-fixed"
    if not bad.exists():
        workspace(bad, broken=True)
        workspace(good, broken=False)
        for d in (bad, good):
            link_modules(d, "ng")
    return bad, good


# ------------------------------------------------------------------ steps


def cap_ng_build(tmp: Path) -> None:
    bad, good = workspace_pair(tmp)
    cap("ng-build-template-errors", "ng build", bad, n_ng_build, "ng")
    cap("ng-build-tail", "ng build 2>&1 | tail -n 80", bad, n_ng_build, "ng")
    cap("ng-build-grep-error-warn", "ng build 2>&1 | grep -E 'ERROR|WARN' ; echo EXIT=$?", bad, n_ng_build, "ng")
    cap("ng-build-fixed-production", "ng build --configuration production; echo EXIT=$?", good, n_ng_build, "ng")
    cap("ng-build-fixed-development", "ng build --configuration development 2>&1 | head -n 100", good, n_ng_build,
        "ng")


def cap_ng_test(tmp: Path) -> None:
    bad, good = workspace_pair(tmp)
    cap("ng-test-karma-headless", "ng test --watch=false --no-progress; echo EXIT=$?", good, n_ng_test, "ng")
    cap("ng-test-compile-errors-tail", "ng test --watch=false 2>&1 | tail -n 150", bad, n_ng_test, "ng")


def cap_ng_lint(tmp: Path) -> None:
    bad, good = workspace_pair(tmp)
    cap("ng-lint-angular-eslint", "ng lint; echo EXIT=$?", bad, n_ng_lint, "ng")
    cap("ng-lint-head", "ng lint 2>&1 | head -n 100", bad, n_ng_lint, "ng")


def cap_ng_generate(tmp: Path) -> None:
    bad, good = workspace_pair(tmp)
    cap("ng-generate-component-dry-run", "ng generate component parts/slip-planner --dry-run; ng g service "
        "services/tide-feed --dry-run; ng g guard auth/harbour-master --functional --dry-run; ng g pipe "
        "pipes/tide-height --dry-run; ng g directive directives/highlight-berth --dry-run; ng g resolver "
        "routing/berth --dry-run; ng g interface models/vessel --dry-run; ng g enum models/berth-state --dry-run; ng g "
        "application harbour-admin --dry-run --routing --style=css --ssr=false; ng g library dock-ui --dry-run; ng g "
        "web-worker workers/tide-calc --dry-run; ng g environments --dry-run; echo EXIT=$?", good, n_ng_generate, "ng")
    cap("ng-generate-errors-dry-run", "ng g component parts/berth-panel-0 --dry-run; ng g component Bad/Name! "
        "--dry-run; ng g interceptor net/retry --dry-run; ng g nonsense x --dry-run; ng g c parts/x --bogus-flag "
        "--dry-run; echo EXIT=$?", good, n_ng_generate, "ng")
    cap("ng-new-dry-run", "ng new quayside --dry-run --defaults --skip-git --skip-install --routing --style=scss "
        "--ssr=false; ng new slipway --dry-run --defaults --skip-git --create-application=false; ng new 9lives "
        "--dry-run --defaults; ng new quayside-ssr --dry-run --defaults --skip-git --ssr --style=less --prefix=qs; "
        "echo EXIT=$?", tmp, n_ng_generate, "ng")
    cap("ng-version", "ng version; echo EXIT=$?", good, n_ng_version, "ng")


STEPS = [cap_ng_build, cap_ng_test, cap_ng_lint, cap_ng_generate]
