#!/usr/bin/env python3
"""Writes draw_answer.json: a public draw answer (SPEC §5.2) computed by this independent Python
re-implementation, for verify_draw_test.sh. Re-run only to change the fixture."""
import hashlib, hmac, json, struct

def stream(seed):
    i = 0
    while True:
        m = hmac.new(seed, b"lianyin-draw" + struct.pack(">Q", i), hashlib.sha256).digest()
        i += 1
        yield int.from_bytes(m[:8], "big")

def uniform(s, n):
    limit = (2**64 // n) * n
    v = next(s)
    while v >= limit:
        v = next(s)
    return v % n

def draw(seed, orgs, inspectors, conflicts, k, t):
    s = stream(seed)
    a = list(orgs)
    for j in range(k):
        r = j + uniform(s, len(a) - j)
        a[j], a[r] = a[r], a[j]
    out = []
    for uscc in a[:k]:
        b = [x for x in inspectors if (x, uscc) not in conflicts]
        for j in range(t):
            r = j + uniform(s, len(b) - j)
            b[j], b[r] = b[r], b[j]
        out.append({"uscc": uscc, "inspector_ids": b[:t]})
    return out

seed = hashlib.sha256(b"lianyin verify-draw fixture").digest()
orgs = sorted("521502%011dX" % (i * 7919) for i in range(40))
inspectors = [21, 22, 25, 30, 31]
# The organisations drawn do not depend on conflicts: put two on the first one drawn.
first = draw(seed, orgs, inspectors, set(), 6, 2)[0]["uscc"]
conflicts = sorted([(21, first), (25, first), (30, orgs[17])])
answer = {
    "plan_id": 1, "name": "2024年度包头市社会组织双随机抽查",
    "seed_commitment": hashlib.sha256(seed).hexdigest(), "seed": seed.hex(),
    "org_pool": orgs, "inspector_pool": inspectors,
    "conflicts": [{"inspector_id": i, "uscc": u} for i, u in conflicts],
    "sample_size": 6, "inspectors_per_team": 2,
    "selections": draw(seed, orgs, inspectors, set(conflicts), 6, 2),
}
with open("draw_answer.json", "w", encoding="utf-8") as f:
    json.dump(answer, f, ensure_ascii=False, indent=1)
