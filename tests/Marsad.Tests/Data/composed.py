"""Shared helpers of the composed English sets' generators (make_set.py in each folder): places, dates,
articles and gold events in FORMAT.md's layout, written beside the generator that builds them."""
import json
import os


class ComposedSet:
    def __init__(self, places):
        # name -> (gazetteer name, country, lat, lon, precision)
        self.places = places
        self.articles = []
        self.gold = []

    def place(self, key):
        if key is None:
            return None
        name, country, lat, lon, precision = self.places[key]
        return {"name": name, "country": country, "lat": lat, "lon": lon, "precision": precision}

    @staticmethod
    def day(d):
        return {"start": d, "end": d, "precision": "day"}

    @staticmethod
    def rng(a, b, precision="range"):
        return {"start": a, "end": b, "precision": precision}

    def art(self, id, pub, title, text):
        self.articles.append({"id": id, "lang": "en", "published": pub, "source": "composed", "url": None, "title": title, "text": text})

    def ev(self, a, t, st, a1, a2, pl, date, q, cert, rb, evid, origin=None, alt=None):
        g = {"article": a, "type": t, "subtype": st, "actor1": a1, "actor2": a2, "place": self.place(pl), "date": date,
             "quantities": q, "fatalities": q.get("fatalities") if q else None, "certainty": cert, "reported_by": rb, "evidence": evid}
        if origin:
            g["origin"] = self.place(origin)
        if alt:
            g["alt"] = alt
        # Evidence must be a substring of its article, or the scorer cannot match it.
        assert evid in next(x["text"] for x in self.articles if x["id"] == a), (a, evid)
        self.gold.append(g)

    def write(self, generator_file):
        folder = os.path.dirname(os.path.abspath(generator_file))
        with open(os.path.join(folder, "articles.jsonl"), "w", encoding="utf-8") as f:
            for a in self.articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        with open(os.path.join(folder, "gold.jsonl"), "w", encoding="utf-8") as f:
            for g in self.gold:
                f.write(json.dumps(g, ensure_ascii=False) + "\n")
        print(len(self.articles), "articles", len(self.gold), "events")
