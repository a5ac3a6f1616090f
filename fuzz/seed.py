"""Seeds the fuzz corpora with the conformance vectors' inputs (run from fuzz/)."""
import json
import os

vectors = json.load(open("../generated/json/reply-vectors.json"))["vectors"]
for target, prefix in [("parse", b""), ("buffer", b"\x00")]:
    os.makedirs(os.path.join("corpus", target), exist_ok=True)
    for v in vectors:
        with open(os.path.join("corpus", target, v["name"]), "wb") as f:
            f.write(prefix + v["input"].encode("utf-8"))
print(len(vectors), "seeds per target")
