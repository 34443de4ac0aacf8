#!/usr/bin/env python3
"""Turn articles coded by GUIDE.md (FORMAT.md articles.jsonl + gold.jsonl, with a "ref" on each article
saying where its text is in ../shared/data/news/saudinewsnet) into the reference form kept in this
repository: no article text, and the evidence and Arabic names as {"start", "end"} UTF-16 offsets into
the folded text. `marsad train events --coded DIR` rebuilds the texts at training time.

  python3 training/pack-coded.py --articles A.jsonl --gold G.jsonl --out training/saudinewsnet-coded
"""
import argparse, json, os, re, sys

ARABIC = re.compile(r"[\u0600-\u06ff]")


def fold(s):
    return " ".join(s.split())


def utf16(s, i):
    return len(s[:i].encode("utf-16-le")) // 2


def span(text, s):
    i = text.find(fold(s))
    return None if i < 0 else {"start": utf16(text, i), "end": utf16(text, i + len(fold(s)))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    arts = [json.loads(l) for l in open(a.articles, encoding="utf-8") if l.strip()]
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    text = {x["id"]: fold(x["text"]) for x in arts}
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "articles.jsonl"), "w", encoding="utf-8") as f:
        for x in arts:
            if "ref" not in x:
                sys.exit(f"{x['id']}: no ref (zip, entry, index) to rebuild its text from")
            row = {k: x.get(k) for k in ("id", "lang", "published", "source")}
            row["ref"] = x["ref"]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    dropped = 0
    with open(os.path.join(a.out, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            t = text[g["article"]]
            ev = span(t, g["evidence"])
            if ev is None:
                sys.exit(f"{g['article']}: evidence not in the text: {g['evidence'][:40]}")
            g["evidence"] = ev
            for field in ("actor1", "actor2", "reported_by"):
                names = []
                for n in g.get(field) or []:
                    if not ARABIC.search(n):
                        names.append(n)  # a label the coder wrote (English canonical name)
                    elif (sp := span(t, n)) is not None:
                        names.append(sp)
                    else:
                        dropped += 1  # an Arabic name not found verbatim: not kept as copied text
                g[field] = names
            for field in ("place", "origin"):
                p = g.get(field)
                if p and ARABIC.search(p.get("name") or ""):
                    p["name"] = span(t, p["name"]) or ""
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"{len(arts)} articles, {len(gold)} events written to {a.out}; {dropped} Arabic names not found verbatim were left out")


if __name__ == "__main__":
    main()
