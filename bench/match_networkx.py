#!/usr/bin/env python3
"""Solves a matching instance written by match_bench with networkx.network_simplex.

    bench/match_networkx.py INSTANCE

The instance: a line "D R A", D lines "need", R lines "remaining cost", A lines "demand resource".
The network is the one src/match/solve.cpp builds: demand nodes supplying their need, resource
nodes, a sink taking the total need; arcs demand->resource (cost of the resource), resource->sink
(capacity remaining), and a bypass demand->sink (cost max + 1), so that one minimum-cost flow is
the maximum matching of minimum cost. Prints one line:
    networkx: seconds S matched M cost C
where seconds is network_simplex alone (not reading the file or building the graph).
"""

import sys
import time

import networkx as nx


def main():
    with open(sys.argv[1]) as f:
        num_demands, num_resources, num_arcs = map(int, f.readline().split())
        need = [int(f.readline()) for _ in range(num_demands)]
        resources = [tuple(map(int, f.readline().split())) for _ in range(num_resources)]
        arcs = [tuple(map(int, f.readline().split())) for _ in range(num_arcs)]

    sink = ("t",)
    graph = nx.DiGraph()
    used = sorted({r for d, r in arcs if need[d] > 0 and resources[r][0] > 0})
    bypass = max((resources[r][1] for r in used), default=0) + 1
    total = 0
    for d, r in arcs:
        if need[d] > 0 and resources[r][0] > 0:
            graph.add_edge(("d", d), ("r", r), weight=resources[r][1],
                           capacity=min(need[d], resources[r][0]))
    for d, n in enumerate(need):
        if graph.has_node(("d", d)):
            graph.add_edge(("d", d), sink, weight=bypass, capacity=n)
            graph.nodes[("d", d)]["demand"] = -n  # networkx: negative demand = supply
            total += n
    for r in used:
        graph.add_edge(("r", r), sink, weight=0, capacity=resources[r][0])
    if total:
        graph.nodes[sink]["demand"] = total

    matched = cost = 0
    start = time.perf_counter()
    if total:
        _, flow = nx.network_simplex(graph)
    else:
        flow = {}
    seconds = time.perf_counter() - start
    for u, targets in flow.items():
        if u[0] != "d":
            continue
        for v, x in targets.items():
            if v[0] == "r":
                matched += x
                cost += x * resources[v[1]][1]
    print(f"networkx: seconds {seconds:.3f} matched {matched} cost {cost}")


if __name__ == "__main__":
    main()
