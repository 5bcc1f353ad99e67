"""Round 92's sites and documents: a field-guide site (hugo), a club blog (jekyll), a long thesis (pdflatex, bibtex)
and a recipe site (eleventy), written here with mistakes put in and widened by seeded generators, with the
extractors of NEEDLES.md's "Round 92" rules. Run through capture_wide92.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import any_of, groups, kind, mask, next_match, run, write_tree
from capture_wide92 import cap

# ------------------------------------------------------------------ extractors


def _warn_groups(lines, pat):
    out = []
    for ln in lines:
        if re.search(pat, ln):
            f = re.search(r'"([^"]+\.(?:md|html|toml|yaml|njk|liquid))', ln) or re.search(r"(\S+\.(?:md|html|njk|tex))", ln)
            out.append(((mask(ln), f.group(1) if f else ""), ln))
    return groups(out)


@kind("hugo-build", "build")
def n_hugo(lines):
    """every ERROR line; WARN lines one any per (shape, file); Total in / Error: closing lines; the | EN header and Pages row"""
    out = [ln for ln in lines if re.match(r"\s*ERROR\b", ln) or re.match(r"Error: ", ln)]
    out += _warn_groups(lines, r"^\s*WARN\b")
    out += [ln for ln in lines if re.match(r"Total in \d+ ms", ln) or re.match(r"\s*\|\s+EN\b", ln)
            or re.match(r"\s*Pages\s+\|", ln) or re.match(r"EXIT=", ln)]
    return out


@kind("hugo-template-metrics", "build")
def n_hugo_metrics(lines):
    """the metrics column header, rows of the 3 largest cumulative durations and of the largest count; plus hugo-build's"""
    out = n_hugo(lines)
    rows = []
    for i, ln in enumerate(lines):
        if re.match(r"\s*cumulative\s+average", ln):
            out.append(ln)
            for r in lines[i + 1:]:
                m = re.match(r"\s*([\d.]+(?:[µm]?s|ns))\s+\S+\s+\S+\s+(\d+)\s+\S", r)
                if not m:
                    if rows:
                        break
                    continue
                rows.append((_dur(m.group(1)), int(m.group(2)), r))
    rows_by_cum = sorted(rows, key=lambda t: -t[0])[:3]
    out += [r for _, _, r in rows_by_cum]
    if rows:
        out.append(max(rows, key=lambda t: t[1])[2])
    return out


def _dur(s: str) -> float:
    m = re.match(r"([\d.]+)(ns|µs|ms|s)", s)
    return float(m.group(1)) * {"ns": 1e-9, "µs": 1e-6, "ms": 1e-3, "s": 1}[m.group(2)]


@kind("jekyll-build", "build")
def n_jekyll(lines):
    """Liquid Exception/Warning and Error: lines; the exception class line and first own backtrace line; Deprecation/Warning one any per (shape, file); done in"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Liquid (Exception|Warning)|\bError:|\(\w+(::\w+)*Error\)|\(Liquid::\w+\)", ln):
            out.append(ln)
    own = [ln for ln in lines if re.match(r"\s*(from )?/tmp/hm-corpus-wide92/\S+:\d+", ln)]
    if own:
        out.append(own[0])
    bt = [ln for ln in lines if re.match(r"\s*/usr/\S+\.rb:\d+:in", ln)]
    if bt and not own:
        out.append(bt[0])
    out += _warn_groups(lines, r"^\s*(Deprecation|Warning):")
    out += [ln for ln in lines if re.search(r"done in [\d.]+ seconds|^EXIT=", ln)]
    return out


@kind("jekyll-doctor", "build")
def n_jekyll_doctor(lines):
    """every Conflict: line and the lines naming its files; Warning:/Error: lines; the everything-looks-fine line"""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"Conflict:", ln):
            out.append(ln)
            for r in lines[i + 1:]:
                if re.match(r"\s+(- \S|/\S)", r):
                    out.append(r)
                elif not r.strip() or not r.startswith(" " * 20):
                    break
        elif re.search(r"\b(Warning|Error):|Everything looks fine|^EXIT=", ln):
            out.append(ln)
    return out


GREP_N = r"(?:\d+[:-])?"  # `grep -n`'s line-number prefix, when the log was read through it


def _tex(lines, log=False):
    out = []
    for i, ln in enumerate(lines):
        if re.match(GREP_N + "! ", ln):
            out.append(ln)
            loc = next_match(lines, i, GREP_N + r"l\.\d+")
            if loc:
                out.append(loc)
        elif re.search(r"Emergency stop|==> Fatal error occurred|Output written on|No pages of output|^EXIT=", ln):
            out.append(ln)
        elif re.match(r"\S+\.tex:\d+: ", ln):  # -file-line-error's form of a `! ` line
            out.append(ln)
    refs = []
    for ln in lines:
        m = re.search(r"LaTeX Warning: (Reference|Citation) [`']([^']+)'", ln)
        if m:
            refs.append(((m.group(1), m.group(2)), ln))
        elif re.search(r"LaTeX Warning: There were undefined|LaTeX Warning: Label\(s\) may", ln):
            refs.append(((mask(ln),), ln))
    out += groups(refs)
    box = [((m.group(1), "doc"), ln) for ln in lines if (m := re.match(GREP_N + r"(Overfull|Underfull) \\[hv]box", ln))]
    out += groups(box)
    if log:
        out += [ln for ln in lines[:1] if ln.startswith("This is pdfTeX")]
        out += [ln for ln in lines if ln.startswith("Here is how much of TeX's memory you used")]
    return out


@kind("jekyll-profile", "build")
def n_jekyll_profile(lines):
    """jekyll-build's values; the profile header, rows of the 3 largest Time and the largest Count, the TOTAL row"""
    out = n_jekyll(lines)
    rows = []
    for ln in lines:
        if re.match(r"\|?\s*Filename\s*\|\s*Count", ln) or re.match(r"\|?\s*TOTAL\b", ln):
            out.append(ln)
        m = re.match(r"\|?\s*(\S+)\s*\|\s*(\d+)\s*\|\s*[\d.]+\w*\s*\|\s*([\d.]+)", ln)
        if m and "TOTAL" not in ln:
            rows.append((float(m.group(3)), int(m.group(2)), ln))
    out += [r for _, _, r in sorted(rows, key=lambda t: -t[0])[:3]]
    if rows:
        out.append(max(rows, key=lambda t: t[1])[2])
    return out


@kind("hugo-list", "table")
def n_hugo_list(lines):
    """rule 4 on the CSV: header, rare draft values, earliest and latest date rows; ERROR/WARN lines"""
    out = [ln for ln in lines if re.match(r"\s*(ERROR|WARN)\b", ln)]
    rows = []
    for ln in lines:
        if ln.startswith("path,slug,title"):
            out.append(ln)
        elif ln.startswith("content/"):
            f = ln.split(",")
            if len(f) >= 8:
                rows.append((f[3], f[6], ln))
    if rows:
        out += [min(rows)[2], max(rows)[2]]
        counts = {}
        for _, d, _ in rows:
            counts[d] = counts.get(d, 0) + 1
        if max(counts.values()) * 2 >= len(rows):
            out += [r for _, d, r in rows if counts[d] <= 2]
    return out


@kind("makeindex-run", "build")
def n_makeindex(lines):
    """!! Input index error / ## Warning lines with their (input = …, line N) location; the closing Generating/Output/Transcript lines"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("!! Input index error") or ln.startswith("## Warning"):
            out.append(ln)
            loc = next_match(lines, i - 1, r"line =? ?\d+")
            if loc:
                out.append(loc)
            msg = next_match(lines, i, r"^\s*-- ", ahead=2)  # rule 1: the message under the header
            if msg:
                out.append(msg)
        elif re.search(r"Generating output file .*done|^Output written in|^Transcript written in|^EXIT=", ln) \
                or re.search(r"done \(\d+ (entries|lines) (accepted|written)", ln):
            out.append(ln)
    return out


@kind("pdflatex-run", "build")
def n_pdflatex(lines):
    """! errors with l.N; undefined reference/citation warnings one any per (kind, label); over/underfull one any per kind; Output written / No pages / Fatal"""
    return _tex(lines)


@kind("latex-log", "build")
def n_latex_log(lines):
    """as pdflatex-run, plus the This is pdfTeX first line and the TeX memory line"""
    return _tex(lines, log=True)


@kind("bibtex-run", "build")
def n_bibtex(lines):
    """every Warning-- line; error lines with their ---line N location; the (There were N warnings/errors) closing line"""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Warning--") or re.match(r"\(There (were|was) \d+ (warnings?|error messages?)\)", ln) \
                or ln.startswith("I couldn't open") or ln.startswith("I was expecting") or re.match(r"^EXIT=", ln) \
                or re.search(r"---line \d+ of file", ln) or re.search(r"---this can't happen|Repeated entry|I'm skipping", ln):
            out.append(ln)
    return out


@kind("eleventy-build", "build")
def n_eleventy(lines):
    """Problem writing line and every [11ty] N. cause line; the first file/line locator; Wrote N files closing line; EXIT="""
    out = [ln for ln in lines if re.search(r"\[11ty\] (Problem writing|\d+\. )|\[11ty\] Wrote \d+ files|^EXIT=", ln)]
    loc = [ln for ln in lines if re.search(r"\.(njk|liquid|md|11ty\.js)\S* \[Line \d+|\(via ", ln)]
    if loc:
        out.append(loc[0])
    out += _warn_groups(lines, r"\[11ty\] .*(?:Warn|WARN)")
    return out


# ------------------------------------------------------------------ hugo: a field guide of mosses

GENERA = ["Sphagnum", "Polytrichum", "Bryum", "Dicranum", "Hypnum", "Mnium", "Funaria", "Tortula", "Grimmia",
          "Orthotrichum", "Plagiomnium", "Thuidium", "Brachythecium", "Rhytidiadelphus", "Leucobryum"]
EPITHETS = ["palustre", "commune", "argenteum", "scoparium", "cupressiforme", "hornum", "hygrometrica", "muralis",
            "pulvinata", "affine", "undulatum", "tamariscinum", "rutabulum", "squarrosus", "glaucum", "fallax",
            "juniperinum", "capillare", "majus", "lindbergii"]


def hugo_site(root: Path, n: int, seed: int, layouts: bool, broken_shortcode: bool = False) -> None:
    rnd = random.Random(seed)
    files = {"hugo.toml": 'baseURL = "https://mosses.example.org/"\nlanguageCode = "en-gb"\ntitle = "Mosses of the '
             'Moor"\nrefLinksErrorLevel = "WARNING"\n[taxonomies]\n  habitat = "habitats"\n'}
    if layouts:
        files["layouts/_default/baseof.html"] = ('<!doctype html><html><head><title>{{ .Title }}</title></head>'
                                                 '<body>{{ partial "nav.html" . }}{{ block "main" . }}{{ end }}</body></html>\n')
        files["layouts/_default/single.html"] = ('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}'
                                                 '{{ if not .Params.habitat }}{{ warnf "%s has no habitat" .File.Path }}{{ end }}'
                                                 '{{ partial "related.html" . }}{{ end }}\n')
        files["layouts/_default/list.html"] = '{{ define "main" }}<ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul>{{ end }}\n'
        files["layouts/partials/nav.html"] = '<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>\n'
        files["layouts/partials/related.html"] = '{{ range first 5 (.Site.RegularPages.Related .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n'
        files["layouts/index.html"] = '{{ define "main" }}{{ range first 10 .Site.RegularPages }}{{ .Title }}{{ end }}{{ end }}\n'
        files["layouts/shortcodes/figure-spore.html"] = '<figure>{{ .Get "src" }}</figure>\n'
    pages = []
    for i in range(n):
        g, e = rnd.choice(GENERA), rnd.choice(EPITHETS)
        slug = f"{g.lower()}-{e}-{i:03d}"
        pages.append(slug)
        fm = [f'title = "{g} {e}"', f"date = 2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"]
        if rnd.random() < 0.03:
            fm.append("draft = true")
        if rnd.random() < 0.02:
            fm.append("expiryDate = 2024-01-01")
        if rnd.random() > 0.15:
            fm.append(f'habitat = ["{rnd.choice(["bog", "wall", "woodland", "heath", "stream"])}"]')
        body = [f"{g} {e} grows in cushions {rnd.randint(1, 20)} cm across.", ""]
        if rnd.random() < 0.08 and pages[:-1]:
            body.append(f'See also [a relative]({{{{< ref "{rnd.choice(["bryum-rare", "sphagnum-x", "hypnum-old"])}-{rnd.randint(0, 99):03d}" >}}}}).')
        elif len(pages) > 1:
            body.append(f'Compare [the neighbour]({{{{< ref "{pages[rnd.randrange(len(pages) - 1)]}" >}}}}).')
        if broken_shortcode and i == n // 2:
            body.append('{{< spore-print colour="brown" >}}')
        if layouts and rnd.random() < 0.3:
            body.append('{{< figure-spore src="x.jpg" >}}')
        if broken_shortcode and rnd.random() < 0.02:
            files[f"content/species/{slug}.md"] = "+++\n" + "\n".join(fm) + '\ntitle = "dup"\n+++\n' + "\n".join(body) + "\n"
            continue
        files[f"content/species/{slug}.md"] = "+++\n" + "\n".join(fm) + "\n+++\n" + "\n".join(body) + "\n"
    files["content/species/_index.md"] = '+++\ntitle = "Species"\n+++\n'
    files["content/about.md"] = '+++\ntitle = "About"\nurl = "/species/"\n+++\nAbout the guide.\n'
    write_tree(root, files)


def hugo(tmp: Path) -> None:
    a = tmp / "mosses"
    hugo_site(a, 320, 9201, layouts=True)
    cap("hugo-mosses-build", "hugo --destination /tmp/hm-corpus-wide92/out-a", a, n_hugo)
    cap("hugo-mosses-path-warnings", "hugo --printPathWarnings --destination /tmp/hm-corpus-wide92/out-b 2>&1; echo EXIT=$?",
        a, n_hugo)
    cap("hugo-mosses-template-metrics", "hugo --templateMetrics --templateMetricsHints --destination /tmp/hm-corpus-wide92/out-c",
        a, n_hugo_metrics)
    cap("hugo-mosses-grep-warn", "hugo --destination /tmp/hm-corpus-wide92/out-d 2>&1 | grep -i warn | head -n 60", a, n_hugo)
    b = tmp / "mosses-bare"
    hugo_site(b, 140, 9202, layouts=False)
    cap("hugo-bare-no-layouts", "hugo --destination /tmp/hm-corpus-wide92/out-e 2>&1 | tail -n 80", b, n_hugo)
    c = tmp / "mosses-broken"
    hugo_site(c, 200, 9203, layouts=True, broken_shortcode=True)
    for dup in c.glob("content/species/*.md"):
        if 'title = "dup"' in dup.read_text():
            dup.write_text(dup.read_text().replace('title = "dup"\n', ""))
    cap("hugo-broken-shortcode-only", "hugo --destination /tmp/hm-corpus-wide92/out-g 2>&1 | tail -n 40", c, n_hugo)
    cap("hugo-metrics-tail-50", "hugo --templateMetrics --destination /tmp/hm-corpus-wide92/out-i 2>&1 | tail -n 50", c,
        n_hugo_metrics)
    cap("hugo-list-all", "hugo list all", a, n_hugo_list)
    cap("hugo-list-all-bare-head-60", "hugo list all | head -n 60", b, n_hugo_list)
    cap("hugo-panic-on-warning", "hugo --panicOnWarning --destination /tmp/hm-corpus-wide92/out-h 2>&1; echo EXIT=$?", a, n_hugo)


# ------------------------------------------------------------------ jekyll: a cycling club's blog

def jekyll_site(root: Path, n: int, seed: int, liquid_bug: str | None) -> None:
    rnd = random.Random(seed)
    files = {"_config.yml": "title: Fenland Wheelers\nurl: https://wheelers.example.org\npermalink: /:year/:title/\n"
             "exclude: [vendor]\n",
             "_layouts/default.html": "<html><body>{% include header.html %}{{ content }}</body></html>\n",
             "_layouts/post.html": "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{{ content }}"
             "{% include ride-stats.html distance=page.distance %}\n",
             "_includes/header.html": "<header>{{ site.title }}</header>\n",
             "_includes/ride-stats.html": "<p>{{ include.distance | divided_by: page.hours }} km/h</p>\n",
             "index.html": "---\nlayout: default\n---\n{% for p in site.posts limit:10 %}<a href=\"{{ p.url }}\">{{ p.title }}</a>{% endfor %}\n",
             "about.md": "---\nlayout: default\npermalink: /about/\n---\nThe club.\n",
             "about-us.md": "---\nlayout: default\npermalink: /about/\n---\nThe club, again.\n"}
    towns = ["Ely", "March", "Wisbech", "Chatteris", "Ramsey", "Whittlesey", "Littleport", "Soham", "Sutton"]
    for i in range(n):
        t1, t2 = rnd.sample(towns, 2)
        d = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        fm = f"---\nlayout: post\ntitle: \"{t1} to {t2} #{i}\"\ndistance: {rnd.randint(30, 160)}\nhours: {rnd.randint(1, 6)}\n---\n"
        body = f"We rode from {t1} to {t2} into a {rnd.choice(['head', 'tail', 'cross'])}wind.\n"
        if liquid_bug == "include" and i == n - 3:
            body += "{% include route-map.html %}\n"
        if liquid_bug == "syntax" and i == n // 3:
            body += "{% if page.distance > 100 %}Long one!\n"
        if liquid_bug == "filter" and i == n // 2:
            body += "{{ page.title | slugify | nonexistent_filter }}\n"
        if liquid_bug == "warn" and rnd.random() < 0.08:
            body += rnd.choice(["{{ page.title | upcase: }}\n", "{% if page.hours == %}slow{% endif %}\n",
                                "{{ page.distance ! 2 }}\n"])
        files[f"_posts/{d}-ride-{i:03d}.md"] = fm + body
    write_tree(root, files)


def jekyll(tmp: Path) -> None:
    a = tmp / "wheelers"
    jekyll_site(a, 180, 9211, "include")
    cap("jekyll-build-trace-include", "jekyll build --trace 2>&1; echo EXIT=$?", a, n_jekyll)
    cap("jekyll-doctor-wheelers", "jekyll doctor", a, n_jekyll_doctor)
    b = tmp / "wheelers-syntax"
    jekyll_site(b, 120, 9212, "syntax")
    cap("jekyll-build-syntax-head-40", "jekyll build --trace 2>&1 | head -n 40", b, n_jekyll)
    c = tmp / "wheelers-filter"
    jekyll_site(c, 90, 9213, "filter")
    (c / "_config.yml").write_text((c / "_config.yml").read_text() + "liquid:\n  strict_filters: true\n")
    cap("jekyll-build-strict-filters", "jekyll build 2>&1; echo EXIT=$?", c, n_jekyll)
    d = tmp / "wheelers-warn"
    jekyll_site(d, 300, 9214, "warn")
    (d / "_config.yml").write_text("title: Fenland Wheelers\nurl: wheelers.example.org\npermalink: /:year/:month/\n"
                                   "liquid:\n  error_mode: warn\n")
    cap("jekyll-build-warn-300", "jekyll build", d, n_jekyll)
    cap("jekyll-build-grep-warn", "jekyll build 2>&1 | grep -iE 'warn|error|done' | head -n 80", d, n_jekyll)
    cap("jekyll-doctor-warn-site", "jekyll doctor 2>&1; echo EXIT=$?", d, n_jekyll_doctor)
    cap("jekyll-build-profile", "jekyll build --profile", d, n_jekyll_profile)
    cap("jekyll-profile-tail-40", "jekyll build --profile 2>&1 | tail -n 40", d, n_jekyll_profile)
    cap("jekyll-profile-grep-table", "jekyll build --profile 2>&1 | grep -E 'Filename|TOTAL|_layouts|_includes|index|done'", d,
        n_jekyll_profile)
    cap("jekyll-doctor-tail-60", "jekyll doctor 2>&1 | tail -n 60", d, n_jekyll_doctor)


# ------------------------------------------------------------------ LaTeX: a long thesis on tidal mills

def thesis(root: Path, chapters: int, seed: int, fatal: bool, bib: bool) -> None:
    rnd = random.Random(seed)
    out = [r"\documentclass[11pt]{report}", r"\usepackage{makeidx}", r"\makeindex", r"\begin{document}", r"\title{Tidal Mills of the Severn}",
           r"\author{R. Millward}", r"\maketitle", r"\tableofcontents"]
    keys = [f"mill{k:02d}" for k in range(30)]
    words = ("sluice wheel pond tide ebb flood race leat millstone granary head fall breast undershot overshot "
             "estuary channel weir hatch").split()
    for c in range(chapters):
        out += [rf"\chapter{{Mill group {c + 1}}}", rf"\label{{ch:{c}}}"]
        for s in range(5):
            out += [rf"\section{{Site {c + 1}.{s + 1}}}", rf"\label{{sec:{c}-{s}}}"]
            for _p in range(3):
                para = " ".join(rnd.choice(words) for _ in range(rnd.randint(60, 120)))
                if rnd.random() < 0.25:
                    para += rf" as argued in section~\ref{{sec:{rnd.randint(0, chapters + 3)}-{rnd.randint(0, 7)}}}"
                if rnd.random() < 0.3:
                    para += rf" \cite{{{rnd.choice(keys + ['smith1899', 'anon-survey'])}}}"
                if rnd.random() < 0.5:
                    w = rnd.choice(words)
                    para += " " + rnd.choice([rf"\index{{{w}}}", rf"\index{{{w}!{rnd.choice(words)}}}",
                                              rf"\index{{{w}|textbf}}", rf"\index{{{w}@\textit{{{w}}}}}"])
                if rnd.random() < 0.04:
                    para += " " + rnd.choice([rf"\index{{{rnd.choice(words)}|(}}", rf"\index{{{rnd.choice(words)}|)}}",
                                              rf"\index{{{rnd.choice(words)}@@x}}", rf"\index{{!{rnd.choice(words)}}}"])
                if rnd.random() < 0.1:
                    para += r" Supercalifragilisticexpialidocioustidalmillhydrodynamicscoefficientable" \
                            r"\texttt{/archives/severn/survey-1888/sheet-" + str(rnd.randint(1, 99)) + r"/notebook-transcription.txt}"
                out += [para, ""]
        if c == chapters // 2:
            out += [r"\begin{tabular}{lll}", r"Mill & Wheel & Fall \\", r"Lydney & 4.2 & 1.1 & extra \\", r"\end{tabular}"]
            out += [r"The ratio was \frac12 of the \millfactor{head}."]
    if fatal:
        out += [r"\input{appendix-gauges}"]
    out += [r"\printindex"]
    if bib:
        out += [r"\bibliographystyle{plain}", r"\bibliography{mills}"]
    out += [r"\end{document}"]
    root.mkdir(parents=True, exist_ok=True)
    (root / "thesis.tex").write_text("\n".join(out) + "\n")
    entries = []
    for k in keys:
        typ = rnd.choice(["article", "book", "inproceedings"])
        fields = [f"  title = {{On {rnd.choice(words)} and {rnd.choice(words)}}}"]
        if rnd.random() > 0.2:
            fields.append(f"  author = {{{rnd.choice(['Hart', 'Bowen', 'Price', 'Lloyd'])}, {rnd.choice('ABCDEFG')}.}}")
        if rnd.random() > 0.2:
            fields.append(f"  year = {{{rnd.randint(1850, 1990)}}}")
        if typ == "article" and rnd.random() > 0.3:
            fields.append("  journal = {Trans. Newcomen Soc.}")
        if typ == "book" and rnd.random() > 0.3:
            fields.append("  publisher = {David & Charles}")
        entries.append(f"@{typ}{{{k},\n" + ",\n".join(fields) + "\n}\n")
    entries.append("@article{mill03,\n  title = {Duplicate},\n  year = {1900}\n}\n")
    entries.append("@book{broken-entry\n  title = {No comma},\n}\n")
    (root / "mills.bib").write_text("\n".join(entries))


def latex(tmp: Path) -> None:
    a = tmp / "thesis-long"
    thesis(a, 14, 9221, fatal=False, bib=True)
    cap("pdflatex-thesis-first-pass", "pdflatex -interaction=nonstopmode thesis.tex", a, n_pdflatex)
    cap("bibtex-thesis", "bibtex thesis; echo EXIT=$?", a, n_bibtex)
    cap("pdflatex-thesis-second-tail-80", "pdflatex -interaction=nonstopmode thesis.tex 2>&1 | tail -n 80", a, n_pdflatex)
    cap("latex-log-thesis-cat", "cat thesis.log", a, n_latex_log)
    cap("latex-log-grep-warning", "grep -n -i -A1 'warning\\|^!' thesis.log | head -n 150", a, n_latex_log)
    cap("bibtex-blg-cat", "cat thesis.blg", a, n_bibtex)
    cap("makeindex-thesis", "makeindex thesis", a, n_makeindex)
    cap("makeindex-ilg-cat", "makeindex -q thesis; cat thesis.ilg", a, n_makeindex)
    b = tmp / "thesis-fatal"
    thesis(b, 6, 9222, fatal=True, bib=False)
    cap("pdflatex-fatal-input", "pdflatex -interaction=nonstopmode -halt-on-error thesis.tex; echo EXIT=$?", b, n_pdflatex)
    cap("latex-log-fatal", "cat thesis.log", b, n_latex_log)
    cap("latex-log-fatal-grep-bang", "grep -n -B2 -A4 '^!' thesis.log; grep -c Warning thesis.log", b, n_latex_log)
    c = tmp / "thesis-short"
    thesis(c, 3, 9223, fatal=False, bib=False)
    cap("pdflatex-short-file-line-error", "pdflatex -file-line-error -interaction=nonstopmode thesis.tex", c, n_pdflatex)
    cap("makeindex-short-ilg", "makeindex thesis >/dev/null 2>&1; cat thesis.ilg", c, n_makeindex)
    cap("bibtex-no-bibdata", "bibtex thesis; echo EXIT=$?", c, n_bibtex)
    cap("latex-log-short-tail-60", "tail -n 60 thesis.log", c, n_latex_log)
    cap("pdflatex-long-grep-warn", "pdflatex -interaction=nonstopmode thesis.tex | grep -i -E 'warn|^!|output' | head -n 60",
        a, n_pdflatex)


# ------------------------------------------------------------------ eleventy: a recipe site

def eleventy_site(root: Path, n: int, seed: int, bug: str) -> None:
    rnd = random.Random(seed)
    files = {"_includes/base.njk": "<html><body><h1>{{ title }}</h1>{{ content | safe }}</body></html>\n",
             "_includes/recipe.njk": "---\nlayout: base.njk\n---\n<p>Serves {{ serves }}</p>{{ content | safe }}"
             "{% include 'timer.njk' %}\n",
             "_includes/timer.njk": "<p>{{ minutes }} minutes</p>\n",
             "index.njk": "---\nlayout: base.njk\ntitle: Recipes\n---\n{% for r in collections.all %}<a href=\"{{ r.url }}\">{{ r.data.title }}</a>{% endfor %}\n"}
    dishes = ["bara brith", "cawl", "laverbread", "welsh cakes", "glamorgan sausages", "faggots", "crempog", "teisen lap"]
    for i in range(n):
        d = rnd.choice(dishes)
        body = f"---\nlayout: recipe.njk\ntitle: \"{d.title()} {i}\"\nserves: {rnd.randint(2, 8)}\nminutes: {rnd.randint(10, 180)}\n---\n"
        body += f"Mix the {d} ingredients and rest for {rnd.randint(5, 60)} minutes.\n"
        if bug == "filter" and i == n // 2:
            body += "{{ minutes | toHours }}\n"
        if bug == "yaml" and i % 50 == 3:
            body = body.replace("serves:", "serves: [2, 4\nserves_note:")
        if bug == "include" and i == n - 4:
            body += "{% include 'oven-chart.njk' %}\n"
        ext = "njk" if bug else "md"
        files[f"recipes/{d.replace(' ', '-')}-{i:03d}.{ext}"] = body
    write_tree(root, files)


def eleventy(tmp: Path) -> None:
    a = tmp / "recipes-filter"
    eleventy_site(a, 150, 9231, "filter")
    cap("eleventy-unknown-filter", "eleventy --output=_site 2>&1; echo EXIT=$?", a, n_eleventy)
    b = tmp / "recipes-include"
    eleventy_site(b, 90, 9232, "include")
    cap("eleventy-missing-include-tail", "eleventy 2>&1 | tail -n 60", b, n_eleventy)
    y = tmp / "recipes-yaml"
    eleventy_site(y, 120, 9234, "yaml")
    cap("eleventy-front-matter-error", "eleventy 2>&1; echo EXIT=$?", y, n_eleventy)
    c = tmp / "recipes-ok"
    eleventy_site(c, 320, 9233, "")
    cap("eleventy-build-ok", "eleventy", c, n_eleventy)


STEPS = [hugo, jekyll, latex, eleventy]
