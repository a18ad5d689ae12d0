#!/usr/bin/env python3
"""Writes a synthetic content directory for the search benchmark: N items (default 10,000) in plans that
copy the fields, vocabularies and category trees of the real plans in content/, with item texts recombined
from the real items' sentences, list entries, departments and schedules — so the characters, bigrams and
lengths look like the real content, but every item is different. Deterministic (fixed seed).

    bench/search/gen_corpus.py OUT_DIR [--items 10000] [--per-plan 500] [--content content]

The corpus is generated, never committed (bench/search/run.sh writes it below build/).
"""
import argparse
import json
import random
import re
import shutil
from pathlib import Path

TEMPLATES = ["sendai-compliance-r7", "sendai-hr-2", "sendai-keiei-r1", "osaki-jinzai-ap"]
MUNICIPALITIES = ["仙台市", "大崎市", "石巻市", "名取市", "登米市"]
WIKILINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")


def sentences(text):
    """Splits text after 。 keeping the mark; newlines separate too."""
    out = []
    for line in text.split("\n"):
        out += [s for s in re.findall(r"[^。]+。?", line) if s.strip()]
    return out


def unlink(text):
    return WIKILINK.sub(lambda m: m.group(2) or m.group(1), text)


def strip_category(c):
    c = {k: v for k, v in c.items() if k not in ("refs", "notes")}
    if "blocks" in c:
        c["blocks"] = [{"label": b.get("label", ""), "text": unlink(b["text"])} for b in c["blocks"]]
        c["blocks"] = [b if b["label"] else {"text": b["text"]} for b in c["blocks"]]
    if "children" in c:
        c["children"] = [strip_category(x) for x in c["children"]]
    return c


class Pools:
    """What the real items of one plan say, field by field."""

    def __init__(self, plan):
        self.plan = plan
        self.items = plan["items"]
        self.by_field = {}
        for item in self.items:
            for key, value in item.get("fields", {}).items():
                self.by_field.setdefault(key, []).append(value)
        self.text_sentences = {k: [s for v in vals if isinstance(v, str) for s in sentences(v)] for k, vals in self.by_field.items()}
        self.list_entries = {k: [e for v in vals if isinstance(v, list) for e in v] for k, vals in self.by_field.items()}
        self.names = [i["name"] for i in self.items]

    def name(self, rnd):
        a, b = rnd.choice(self.names), rnd.choice(self.names)
        if rnd.random() < 0.5 or len(a) < 4 or len(b) < 4:
            return a
        return a[: len(a) // 2] + b[len(b) // 2:]

    def value(self, field, rnd):
        key, kind = field["key"], field["kind"]
        vals = self.by_field.get(key)
        if not vals:
            return None
        if kind in ("text", "markdown"):
            pool = self.text_sentences[key]
            if not pool:
                return rnd.choice(vals)
            n = rnd.choice([1, 1, 2, 2, 3])
            return "".join(rnd.choice(pool) for _ in range(n))
        if kind == "list":
            pool = self.list_entries[key]
            return [rnd.choice(pool) for _ in range(rnd.choice([1, 2, 2, 3, 4]))] if pool else rnd.choice(vals)
        return rnd.choice(vals)  # status, rating, tags, departments, schedule: as some real item has it


def synthetic_plan(template, k, count, rnd):
    pools = Pools(template)
    fields = template["fields"]
    plan = {
        "id": f"bench-{k:03d}",
        "title": f"{template['title']}（合成{k}）",
        "short_title": f"{template.get('short_title', template['title'])}（合成{k}）",
        "municipality": MUNICIPALITIES[k % len(MUNICIPALITIES)],
        "kind": template["kind"],
        "fields": fields,
        "vocabularies": template.get("vocabularies", {}),
        "categories": [strip_category(c) for c in template.get("categories", [])],
        "items": [],
    }
    if "period" in template:
        shift = k % 4
        period = {"from": template["period"]["from"] + shift}
        if template["period"].get("to") is not None:
            period["to"] = template["period"]["to"] + shift
        plan["period"] = period
    if "presentation" in template:
        plan["presentation"] = template["presentation"]
    for n in range(1, count + 1):
        base = rnd.choice(pools.items)
        item = {"id": str(n), "number": str(n), "name": pools.name(rnd), "fields": {}}
        if base.get("category"):
            item["category"] = base["category"]
        for f in fields:
            if f["key"] not in base.get("fields", {}) and not f.get("required"):
                continue
            v = pools.value(f, rnd)
            if v in (None, "", []):
                v = base["fields"].get(f["key"])
            if v not in (None, "", []):
                item["fields"][f["key"]] = v
        subs = []
        for s in base.get("sub_items", []):
            sub = {"name": s["name"], "fields": {}}
            if "number" in s:
                sub["number"] = s["number"]
            for key in s.get("fields", {}):
                f = next(x for x in fields if x["key"] == key)
                v = pools.value(f, rnd)
                sub["fields"][key] = v if v not in (None, "", []) else s["fields"][key]
            subs.append(sub)
        if subs:
            item["sub_items"] = subs
        plan["items"].append(item)
    return plan


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--items", type=int, default=10000)
    ap.add_argument("--per-plan", type=int, default=500)
    ap.add_argument("--content", default=str(Path(__file__).resolve().parents[2] / "content"))
    args = ap.parse_args()
    rnd = random.Random(20250401)
    content, out = Path(args.content), Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "plans").mkdir(parents=True)
    site = json.loads((content / "site.json").read_text(encoding="utf-8"))
    site.pop("$schema", None)
    site["title"] = "検索ベンチマーク用の合成サイト"
    (out / "site.json").write_text(json.dumps(site, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "documents.json").write_text('{"documents": []}\n', encoding="utf-8")
    templates = [json.loads((content / "plans" / t / "plan.json").read_text(encoding="utf-8")) for t in TEMPLATES]
    left, k = args.items, 0
    while left > 0:
        count = min(args.per_plan, left)
        plan = synthetic_plan(templates[k % len(templates)], k, count, rnd)
        d = out / "plans" / plan["id"]
        d.mkdir()
        (d / "plan.json").write_text(json.dumps(plan, ensure_ascii=False, indent=1), encoding="utf-8")
        left -= count
        k += 1
    print(f"{args.items} items in {k} plans → {out}")


if __name__ == "__main__":
    main()
