"""Round 129, the JDK's tools over `silo`'s jars: the ledger split into modules (`silo.core`, `silo.app`,
`silo.metrics`, `silo.audit`, and a plain jar `silo-legacy` of seeded tariff classes that still use deprecated and
removed-to-be APIs), with faults put in: `silo.audit` requires `silo.metrics`, which a broken module path lacks; the
legacy jar is automatic (jlink refuses it) and references a class of a jar not on the class path; a class list for
the CDS archive names classes that do not exist; the legacy jar is signed with a fresh self-signed key and then
altered. `jdeprscan`, `jlink`, `java --list-modules`, `jar --describe-module`, `java -Xshare:dump`, `jarsigner
-verify -verbose`. The extractors are this round's (NEEDLES.md, "Round 129"). Run through capture_wide129.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask, next_match, run, write_tree
from capture_wide129 import add, cap, exit_lines

# ------------------------------------------------------------------ extractors


@kind("jdeprscan", "lint")
def n_jdeprscan(lines):
    """Round 129: every forRemoval=true line; other deprecation lines one {"any"} per (using class, deprecated API's class); every error: line and the Jar file / class header lines; any EXIT= line."""
    out, other = [], []
    for ln in lines:
        if re.match(r"^(Jar file|class|Directory) \S", ln) and "uses" not in ln and "overrides" not in ln:
            out.append(ln)
        elif re.search(r"(?i)\berror\b", ln):
            out.append(ln)
        elif "forRemoval=true" in ln:
            out.append(ln)
        else:
            m = re.match(r"^class (\S+) (?:uses|overrides) deprecated \w+ ([\w/$]+)", ln)
            if m:
                other.append(((m.group(1), m.group(2)), ln))
    return out + groups(other) + exit_lines(lines)


@kind("jlink-error", "build")
def n_jlink_error(lines):
    """Round 129: every Error: line and every exception line; any EXIT= line."""
    return [ln for ln in lines if re.search(r"^Error:|Error: |Exception", ln)] + exit_lines(lines)


@kind("java-list-modules", "listing")
def n_list_modules(lines):
    """Round 129: the java.base@ line; every module line located outside the JDK image (file: location); any error line; any EXIT= line."""
    out = [ln for ln in lines if ln.startswith("java.base@")]
    out += [ln for ln in lines if re.search(r"\sfile:", ln)]
    out += [ln for ln in lines if re.search(r"Error|Exception|not found", ln)]
    return out + exit_lines(lines)


@kind("jar-describe-module", "pkg")
def n_describe_module(lines):
    """Round 129: the module name line (name@version jar:… or No module descriptor found), every requires/exports/qualified exports/opens/uses/provides line and the main-class line; any error line; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^\S+@?\S* (jar|file):", ln) or re.match(r"^\S+ (jar|file):", ln)
           or ln.startswith("No module descriptor found")]
    out += [ln for ln in lines if re.match(r"^(requires|exports|qualified exports|opens|qualified opens|uses|provides|"
                                           r"main-class) ", ln)]
    out += [ln for ln in lines if re.search(r"Error|Exception|error:", ln)]
    return out + exit_lines(lines)


@kind("java-xshare-dump", "log")
def n_xshare_dump(lines):
    """Round 129: the Dumping shared data to file / archive line; every [error] line; [warning] lines one {"any"} per message shape; every total-size and Number of classes line; Error occurred lines; any EXIT= line."""
    out = [ln for ln in lines if re.search(r"Dumping shared data to file|Shared file \S+|ArchiveClassesAtExit|"
                                           r"Written dynamic archive", ln)]
    out += [ln for ln in lines if re.search(r"\[error\]|Error occurred|^Error:", ln)]
    warn = [(mask(re.sub(r"^(\[[^\]]*\])+\s*", "", ln)).replace("<n>", "#"), ln) for ln in lines
            if re.search(r"\[warning\]|Preload Warning", ln)]
    warn = [(re.sub(r"[\w/$.]+(/|\.)[\w$]+", "<cls>", k), ln) for k, ln in warn]
    out += groups(warn)
    out += [ln for ln in lines if re.search(r"\btotal\s*:|Number of classes", ln)]
    return out + exit_lines(lines)


@kind("jarsigner-verify", "pkg")
def n_jarsigner_verify(lines):
    """Round 129: the verdict line (jar verified. / jar is unsigned. / jarsigner: …Exception); every Warning: line and the line after it; entries lacking the s flag while most carry it, entries flagged ? or X; the - Signed by line; any EXIT= line."""
    out = [ln for ln in lines if re.match(r"^(jar verified\.|jar is unsigned\.|jar is treated as unsigned|"
                                          r"jarsigner(: | error))", ln) or ln.startswith("jarsigner:")]
    for i, ln in enumerate(lines):
        if ln.startswith("Warning:"):
            out.append(ln)
            if i + 1 < len(lines):
                out.append(lines[i + 1])
    ent = [(m.group(1), ln) for ln in lines for m in [re.match(r"^\s*([smkiX?]*)\s+\d+\s+\w{3} \w{3} ", ln)] if m]
    signed = sum(1 for f, _ in ent if "s" in f)
    if ent and signed * 2 >= len(ent):
        out += [ln for f, ln in ent if "s" not in f and not ln.rstrip().endswith("/")]
    out += [ln for f, ln in ent if "?" in f or "X" in f]
    out += [ln for ln in lines if re.match(r"^\s*- Signed by", ln)]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the sources

CORE = {
    "core/module-info.java": "module silo.core {\n    exports com.silo.core;\n    exports com.silo.core.units;\n}\n",
    "core/com/silo/core/Sensor.java": "package com.silo.core;\n\npublic interface Sensor {\n    String name();\n"
                                      "    double read(int bin);\n}\n",
    "core/com/silo/core/Bin.java": "package com.silo.core;\n\npublic record Bin(String id, int capacityT) {}\n",
    "core/com/silo/core/units/Tonnes.java": "package com.silo.core.units;\n\npublic final class Tonnes {\n"
                                            "    public static double of(long kg) { return kg / 1000.0; }\n}\n",
}
METRICS = {
    "metrics/module-info.java": "module silo.metrics {\n    requires silo.core;\n    exports com.silo.metrics;\n"
                                "    provides com.silo.core.Sensor with com.silo.metrics.Hygro;\n}\n",
    "metrics/com/silo/metrics/Hygro.java": "package com.silo.metrics;\n\nimport com.silo.core.Sensor;\n\n"
                                           "public class Hygro implements Sensor {\n"
                                           "    public String name() { return \"hygro\"; }\n"
                                           "    public double read(int bin) { return 13.5 + bin * 0.1; }\n}\n",
}
AUDIT = {
    "audit/module-info.java": "module silo.audit {\n    requires silo.core;\n    requires silo.metrics;\n"
                              "    requires java.sql;\n    exports com.silo.audit to silo.app;\n"
                              "    opens com.silo.audit.db;\n}\n",
    "audit/com/silo/audit/Audit.java": "package com.silo.audit;\n\nimport com.silo.metrics.Hygro;\n\n"
                                       "public class Audit {\n    public static double check(int bin) "
                                       "{ return new Hygro().read(bin); }\n}\n",
    "audit/com/silo/audit/db/Row.java": "package com.silo.audit.db;\n\npublic class Row { public java.sql.Date day; }\n",
}
APP = {
    "app/module-info.java": "module silo.app {\n    requires silo.core;\n    requires silo.audit;\n"
                            "    requires java.logging;\n    uses com.silo.core.Sensor;\n}\n",
    "app/com/silo/app/Main.java": "package com.silo.app;\n\nimport java.util.ServiceLoader;\n"
                                  "import com.silo.core.Sensor;\n\npublic class Main {\n"
                                  "    public static void main(String[] a) {\n"
                                  "        for (Sensor s : ServiceLoader.load(Sensor.class)) System.out.println(s.name());\n"
                                  "        System.out.println(com.silo.audit.Audit.check(3));\n    }\n}\n",
}

# deprecated uses put in on purpose, some of them forRemoval in 17
DEPRECATED = [
    ("boxed", "Integer v = new Integer({n}); return v;", "Object"),
    ("boxedD", "Double v = new Double({n}.5); return v;", "Object"),
    ("security", "return System.getSecurityManager();", "Object"),
    ("date", "return new java.util.Date(\"2026/11/{d}\").getYear();", "int"),
    ("thread", "Thread t = new Thread(); t.suspend(); t.resume(); return t;", "Object"),
    ("runfin", "Runtime.getRuntime().runFinalization(); return null;", "Object"),
    ("char", "return Character.isSpace('{c}');", "boolean"),
    ("url", "return java.net.URLDecoder.decode(\"a%20{d}\");", "String"),
    ("appletctx", "java.applet.Applet ap = null; return ap;", "Object"),
    ("rmisec", "return new java.rmi.RMISecurityManager();", "Object"),
    ("weighbridge", "return new com.weighco.Bridge().tare({n});", "Object"),
]


def legacy_sources(rnd: random.Random, n: int) -> dict[str, str]:
    files = {"legacy/com/weighco/Bridge.java": "package com.weighco;\n\npublic class Bridge {\n"
                                               "    public Object tare(int kg) { return kg; }\n}\n"}
    for i in range(n):
        pkg = f"com.silo.tariff.p{i % 7}"
        uses = rnd.sample(DEPRECATED, 3)
        meths = "".join(f"    static {ret} {name}{j}() {{ {body.format(n=rnd.randint(10, 999), d=rnd.randint(10, 28), c='xyz'[j])} }}\n"
                        for j, (name, body, ret) in enumerate(uses))
        extra = "    @Override protected void finalize() {}\n" if rnd.random() < 0.3 else ""
        files[f"legacy/{pkg.replace('.', '/')}/Tariff{i}.java"] = (
            f"package {pkg};\n\n@SuppressWarnings(\"all\")\npublic class Tariff{i} {{\n{meths}{extra}}}\n")
    return files


def setup(tmp: Path) -> Path:
    root = tmp / "silomods"
    if (root / "mods" / "silo.app.jar").exists():
        return root
    rnd = random.Random(12_9)
    files = {**CORE, **METRICS, **AUDIT, **APP, **legacy_sources(rnd, 48)}
    write_tree(root, files)
    sh = """set -e
mkdir -p out/core out/metrics out/audit out/app out/legacy out/bridge mods broken
javac -d out/core $(find core -name '*.java')
javac -p out/core -d out/metrics $(find metrics -name '*.java')
javac -p out/core:out/metrics -d out/audit $(find audit -name '*.java')
javac -p out/core:out/metrics:out/audit -d out/app $(find app -name '*.java')
javac -nowarn -XDsuppressNotes -d out/legacy $(find legacy -name '*.java') 2>/dev/null
mkdir -p out/bridge/com/weighco && mv out/legacy/com/weighco/Bridge.class out/bridge/com/weighco/
jar --create --file mods/silo.core.jar --module-version 1.4.2 -C out/core .
jar --create --file mods/silo.metrics.jar --module-version 1.4.2 -C out/metrics .
jar --create --file mods/silo.audit.jar --module-version 0.9.0 -C out/audit .
jar --create --file mods/silo.app.jar --module-version 1.4.2 --main-class com.silo.app.Main -C out/app .
jar --create --file silo-legacy.jar -C out/legacy .
jar --create --file weighco-bridge.jar -C out/bridge .
cp mods/silo.core.jar mods/silo.audit.jar mods/silo.app.jar broken/
"""
    (root / "build.sh").write_text(sh)
    print(run("bash build.sh", cwd=root, timeout=300)[-2000:])
    return root


# ------------------------------------------------------------------ steps

def deprscan(tmp: Path) -> None:
    root = setup(tmp)
    cap("jdeprscan-legacy-jar", "jdeprscan --release 17 silo-legacy.jar", root, n_jdeprscan, timeout=180)
    cap("jdeprscan-for-removal-cp-exit", "jdeprscan --for-removal --class-path weighco-bridge.jar silo-legacy.jar; "
        "echo EXIT=$?", root, n_jdeprscan, timeout=180)
    cap("jdeprscan-verbose-classes-tail", "jdeprscan --verbose out/legacy 2>&1 | tail -n 120", root, n_jdeprscan,
        timeout=180)


def modules(tmp: Path) -> None:
    root = setup(tmp)
    jm = "/usr/lib/jvm/java-17-openjdk-amd64/jmods"
    cap("jlink-missing-module-loop", "for m in silo.app silo.audit silo.core; do echo \"== $m\"; "
        f"jlink --module-path {jm}:broken --add-modules $m --output /tmp/img-$m; echo EXIT=$?; done", root,
        n_jlink_error, timeout=300)
    run("rm -rf /tmp/img-silo.core", cwd=root)
    cap("jlink-automatic-module", f"mkdir -p auto && cp silo-legacy.jar auto/ && jlink --verbose --module-path "
        f"{jm}:mods:auto --add-modules silo.app,silo.legacy --output image 2>&1; echo EXIT=$?; jlink --verbose --module-path "
        f"{jm}:mods --add-modules silo.app --launcher silo=silo.app/com.silo.app.Main --output image; echo EXIT=$?; "
        "./image/bin/silo; echo EXIT=$?", root, n_jlink_error,
        timeout=300)
    cap("jlink-bind-services-existing-dir", "mkdir -p image2 && touch image2/release && "
        f"jlink --verbose --bind-services --module-path {jm}:mods --add-modules silo.app --output image2; "
        "echo EXIT=$?; jlink --module-path mods --add-modules silo.app --output image3 --compress=9; echo EXIT=$?",
        root, n_jlink_error, timeout=300)
    cap("java-list-modules", "java --list-modules", root, n_list_modules, timeout=60)
    cap("java-list-modules-module-path-grep-v", "java --module-path mods:auto --list-modules | grep -v '^jdk\\.'; "
        "echo EXIT=$?", root, n_list_modules, timeout=60)
    cap("jar-describe-module-loop", "for j in mods/*.jar; do jar --describe-module --file $j; echo; done", root,
        n_describe_module, timeout=60)
    cap("jar-describe-module-legacy-automatic", "jar --describe-module --file silo-legacy.jar; echo EXIT=$?; "
        "jar -d -f weighco-bridge.jar", root, n_describe_module, timeout=60)
    cap("jar-describe-module-release-exit", "jar --describe-module --file mods/silo.audit.jar --release 17; "
        "echo EXIT=$?; jar --describe-module --file broken/silo.app.jar; java --module-path broken "
        "--describe-module silo.app; java -p broken -m silo.app; echo EXIT=$?", root, n_describe_module, timeout=60)


def cds(tmp: Path) -> None:
    root = setup(tmp)
    cp = "mods/silo.core.jar:silo-legacy.jar"
    run("java -Xshare:off -XX:DumpLoadedClassList=silo.classlist -cp out/legacy:out/bridge:silo-legacy.jar "
        "-version", cwd=root, timeout=120)
    rnd = random.Random(129)
    names = [f"com/silo/tariff/p{i % 7}/Tariff{i}" for i in range(48)]
    bogus = [f"com/silo/tariff/p{rnd.randint(0, 6)}/Tariff{rnd.randint(48, 90)}" for _ in range(14)] + \
        ["com/silo/ledger/Ticket", "com/weighco/Bridge", "com/weighco/Calibration"]
    lst = root / "silo.classlist"
    lst.write_text(lst.read_text() + "\n".join(names + bogus) + "\n")
    cap("xshare-dump-classlist-log-cds", f"java -Xshare:dump -Xlog:cds -XX:SharedClassListFile=silo.classlist "
        f"-XX:SharedArchiveFile=silo.jsa -cp {cp}", root, n_xshare_dump, timeout=300)
    cap("xshare-dump-log-cds-tail-exit", f"java -Xshare:dump -Xlog:cds=debug -XX:SharedClassListFile=silo.classlist "
        f"-XX:SharedArchiveFile=silo2.jsa -cp {cp} 2>&1 | tail -n 150; echo EXIT=$?", root, n_xshare_dump,
        timeout=300)
    cap("xshare-dump-bad-classpath", "java -Xshare:dump -XX:SharedClassListFile=silo.classlist "
        "-XX:SharedArchiveFile=/nonexistent/dir/silo.jsa -cp silo-legacy.jar:missing.jar 2>&1 | "
        "grep -v '^\\[.*info'; echo EXIT=$?", root, n_xshare_dump, timeout=300)
    cap("xshare-dynamic-archive-at-exit", "java -XX:ArchiveClassesAtExit=dyn.jsa -Xlog:cds=info,cds+dynamic=info "
        "-p mods -m silo.app/com.silo.app.Main 2>&1 | tail -n 100", root, n_xshare_dump, timeout=300)


def signing(tmp: Path) -> None:
    root = setup(tmp)
    ks = "-keystore silo.p12 -storepass changeit -storetype PKCS12"
    run(f"keytool -genkeypair {ks} -alias silo -keyalg RSA -keysize 2048 -validity 30 "
        "-dname 'CN=Silo Ledger, O=Elsham Grain, C=GB'", cwd=root, timeout=120)
    run(f"cp silo-legacy.jar signed.jar && jarsigner {ks} signed.jar silo", cwd=root, timeout=120)
    # the faults: one class replaced after signing, one entry added after signing
    run("cp signed.jar tampered.jar && mkdir -p t/com/silo/tariff/p0 && "
        "cp out/legacy/com/silo/tariff/p1/Tariff1.class t/com/silo/tariff/p0/Tariff0.class && "
        "jar --update --file tampered.jar -C t . && cp signed.jar added.jar && mkdir -p u/com/silo && "
        "echo 'rate=42' > u/com/silo/override.properties && jar --update --file added.jar -C u .", cwd=root)
    cap("jarsigner-verify-verbose-certs", "jarsigner -verify -verbose -certs signed.jar", root, n_jarsigner_verify,
        timeout=120)
    cap("jarsigner-verify-loop-tampered", "for j in signed tampered added; do echo \"== $j.jar\"; "
        "jarsigner -verify $j.jar; echo EXIT=$?; done", root,
        n_jarsigner_verify, timeout=120)
    cap("jarsigner-verify-added-entry-tail", "jarsigner -verify -verbose added.jar 2>&1 | tail -n 60", root,
        n_jarsigner_verify, timeout=120)
    cap("jarsigner-verify-unsigned-strict", "jarsigner -verify -verbose -strict silo-legacy.jar; echo EXIT=$?",
        root, n_jarsigner_verify, timeout=120)


STEPS = [deprscan, modules, cds, signing]
