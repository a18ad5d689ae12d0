#!/usr/bin/env python3
"""Writes the site benchmark's corpus twice: as planpress content and as a Hugo site of the same pages.

    bench/site/gen_corpus.py OUT_DIR [--items 10000] [--per-plan 100] [--chars 2400]

OUT_DIR/content is planpress content: plans of --per-plan items made like bench/search/gen_corpus.py makes
them (the real plans' fields, vocabularies and categories; item texts recombined from the real items'
sentences), each item's text fields lengthened with further sentences of the same field until the item
holds about --chars characters of field text. OUT_DIR/hugo is a Hugo site of the same plans and items: a
page per plan and per item (every field's text in the page), taxonomies of the departments, statuses and
tags, and a JSON search index of every item with its text (index.json). Deterministic (fixed seed); the
corpus is generated, never committed (bench/site/run.sh writes it below the build directory).
"""
import argparse
import json
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))
import gen_corpus as search_corpus  # noqa: E402  (the plans and item texts of the search benchmark)


def text_chars(value):
    if isinstance(value, str):
        return len(value)
    if isinstance(value, list):
        return sum(text_chars(v) for v in value)
    if isinstance(value, dict):
        return sum(text_chars(v) for v in value.values())
    return 0


def lengthen(plan, template, target, rnd):
    """Appends sentences of the same field to each item's text fields until it holds `target` characters."""
    pools = search_corpus.Pools(template)
    texts = [f["key"] for f in plan["fields"] if f["kind"] in ("text", "markdown") and pools.text_sentences.get(f["key"])]
    if not texts:
        return
    for item in plan["items"]:
        have = sum(text_chars(v) for v in item["fields"].values())
        while have < target:
            key = rnd.choice(texts)
            sentence = rnd.choice(pools.text_sentences[key])
            item["fields"][key] = item["fields"].get(key, "") + sentence
            have += len(sentence)


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)


def plain(value):
    """A field's value as Markdown text for the Hugo page."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join("- " + plain(v).replace("\n", " ") for v in value)
    if isinstance(value, dict):
        return "\n".join(f"- {k}: {plain(v)}" for k, v in value.items())
    return str(value)


LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<nav>{{ range .Ancestors.Reverse }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> › {{ end }}{{ .Title }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Params.number }}　{{ .Title }}</h1>
<dl>{{ range .Params.departments }}<dt>担当課</dt><dd><a href="{{ "departments/" | relURL }}{{ . | urlize }}/">{{ . }}</a></dd>{{ end }}
{{ with .Params.statuses }}<dt>状況</dt><dd>{{ delimit . "、" }}</dd>{{ end }}
{{ with .Params.tags }}<dt>分類</dt><dd>{{ delimit . "、" }}</dd>{{ end }}</dl>
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<table><thead><tr><th>番号</th><th>名称</th><th>担当課</th></tr></thead><tbody>
{{ range .Pages }}<tr><td>{{ .Params.number }}</td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ delimit (.Params.departments | default slice) "、" }}</td></tr>
{{ end }}</tbody></table>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "_default/index.json": """{{- $items := slice -}}
{{- range .Site.RegularPages -}}
{{- $items = $items | append (dict "url" .RelPermalink "title" .Title "number" .Params.number "departments" .Params.departments "text" .Plain) -}}
{{- end -}}
{{- $items | jsonify -}}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
{{ range (where .Site.Sections "Section" "plans") }}{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}{{ end }}</ul>{{ end }}
""",
}


def write_hugo(out, plans):
    (out / "content" / "plans").mkdir(parents=True)
    (out / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\nlanguageCode = "ja"\ntitle = "ベンチマーク用の合成サイト"\n'
        'hasCJKLanguage = true\ndisableKinds = ["RSS"]\n'
        '[taxonomies]\ndepartment = "departments"\nstatus = "statuses"\ntag = "tags"\n'
        '[outputs]\nhome = ["HTML", "JSON"]\n', encoding="utf-8")
    for name, text in LAYOUTS.items():
        p = out / "layouts" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (out / "content" / "plans" / "_index.md").write_text('---\ntitle: "計画"\n---\n', encoding="utf-8")
    for plan in plans:
        d = out / "content" / "plans" / plan["id"]
        d.mkdir()
        kinds = {f["key"]: f["kind"] for f in plan["fields"]}
        labels = {f["key"]: f.get("label", f["key"]) for f in plan["fields"]}
        cats = "\n".join(f"## {c.get('number', '')} {c.get('title', '')}" for c in plan.get("categories", []))
        (d / "_index.md").write_text(f'---\ntitle: {toml_string(plan["title"])}\n---\n{cats}\n', encoding="utf-8")
        for item in plan["items"]:
            fields = item["fields"]
            front = {"title": item["name"], "number": item["number"], "weight": int(item["id"])}
            for key, value in fields.items():
                kind = kinds.get(key)
                if kind == "departments":
                    front["departments"] = value if isinstance(value, list) else [value]
                elif kind == "status":
                    front["statuses"] = [str(value)]
                elif kind == "tags":
                    front["tags"] = value if isinstance(value, list) else [value]
            body = "\n\n".join(f"## {labels[k]}\n\n{plain(v)}" for k, v in fields.items()
                               if kinds.get(k) not in ("departments", "status", "tags"))
            for sub in item.get("sub_items", []):
                body += f"\n\n### {sub.get('number', '')} {sub['name']}\n\n" + "\n\n".join(plain(v) for v in sub["fields"].values())
            (d / f"{item['id']}.md").write_text("---\n" + json.dumps(front, ensure_ascii=False) + "\n---\n" + body + "\n",
                                                encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--items", type=int, default=10000)
    ap.add_argument("--per-plan", type=int, default=100)
    ap.add_argument("--chars", type=int, default=2400)
    ap.add_argument("--content", default=str(Path(__file__).resolve().parents[2] / "content"))
    args = ap.parse_args()
    rnd = random.Random(20251203)
    src, out = Path(args.content), Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    (content / "plans").mkdir(parents=True)
    site = json.loads((src / "site.json").read_text(encoding="utf-8"))
    site.pop("$schema", None)
    site["title"] = "ベンチマーク用の合成サイト"
    (content / "site.json").write_text(json.dumps(site, ensure_ascii=False, indent=1), encoding="utf-8")
    (content / "documents.json").write_text('{"documents": []}\n', encoding="utf-8")
    templates = [json.loads((src / "plans" / t / "plan.json").read_text(encoding="utf-8")) for t in search_corpus.TEMPLATES]
    plans, left, k, chars = [], args.items, 0, 0
    while left > 0:
        count = min(args.per_plan, left)
        template = templates[k % len(templates)]
        plan = search_corpus.synthetic_plan(template, k, count, rnd)
        lengthen(plan, template, args.chars, rnd)
        chars += sum(text_chars(i["fields"]) for i in plan["items"])
        d = content / "plans" / plan["id"]
        d.mkdir()
        (d / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
        plans.append(plan)
        left -= count
        k += 1
    write_hugo(out / "hugo", plans)
    print(f"{args.items} items in {k} plans, {chars // max(args.items, 1)} characters of field text per item → {out}")


if __name__ == "__main__":
    main()
