#!/usr/bin/python3
"""Reads the network files of `vigil coord` back with the tools analysts use, and validates the GEXF.

Runs `vigil coord` on CooRTweet's German-election URL sample (GEXF 1.2draft, the default, and 1.3) and on a
small input with a dense object, then:
  - validates each GEXF against its XSD (shared data gexf-schemas/) with xmllint;
  - reads the GEXF 1.2draft and the GraphML with networkx, and the GraphML with python3-igraph;
  - checks node and edge counts and that every edge carries its evidence, equal to network_edges.csv.

Usage: network_readback.py --vigil BIN --project DIR --out DIR
Exit status: 0 pass, 1 fail, 77 skipped (shared data or Debian's python3-networkx / python3-igraph /
xmllint absent outside CI; under CI=true they are required).
"""
import argparse
import csv
import os
import pathlib
import shutil
import subprocess
import sys

SKIP = 77
SAMPLE = "coortweet-sample/german_elections_urls.csv"
EXPECTED_NODES, EXPECTED_EDGES = 283, 1041  # CooRTweet's own result on the sample (SOURCE.md)
EVIDENCE_ATTRIBUTES = ("weight", "avg_time_delta", "min_time_delta", "max_time_delta", "first_share", "last_share",
                       "n_content_older", "n_content_newer", "object_ids", "evidence", "evidence_listed")


def skip_or_fail(reason):
    if os.environ.get("CI") == "true":
        print("FAIL (required in CI): " + reason)
        sys.exit(1)
    print("SKIP: " + reason)
    sys.exit(SKIP)


def run_coord(vigil, args, out):
    if out.exists():
        shutil.rmtree(out)
    result = subprocess.run([vigil, "coord", *args, "-o", str(out), "--community", "components"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError("vigil coord failed (%d): %s" % (result.returncode, result.stderr))
    return result.stdout


def xmllint_valid(xsd, document):
    result = subprocess.run(["xmllint", "--noout", "--schema", str(xsd), str(document)], capture_output=True,
                            text=True)
    if result.returncode != 0:
        raise AssertionError("%s is not valid against %s:\n%s" % (document, xsd, result.stderr[-2000:]))


def edge_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {frozenset((r["account_id"], r["account_id_y"])): r for r in csv.DictReader(f)}


def check_networkx_graph(graph, table, what):
    import networkx
    assert graph.number_of_nodes() == EXPECTED_NODES, "%s: %d nodes" % (what, graph.number_of_nodes())
    assert graph.number_of_edges() == EXPECTED_EDGES, "%s: %d edges" % (what, graph.number_of_edges())
    for a, b, attributes in graph.edges(data=True):
        for name in EVIDENCE_ATTRIBUTES:
            assert name in attributes, "%s: edge %s-%s lacks %s" % (what, a, b, name)
        row = table[frozenset((a, b))]
        assert attributes["evidence"] == row["evidence"], "%s: evidence differs on %s-%s" % (what, a, b)
        assert float(attributes["weight"]) == float(row["weight"]), "%s: weight differs on %s-%s" % (what, a, b)
        assert int(attributes["n_content_older"]) == int(row["n_content_older"]), what
        assert int(attributes["evidence_listed"]) == min(int(row["weight"]), 50), what
        assert isinstance(attributes["min_time_delta"], int), "%s: min_time_delta not typed long" % what
    for node, attributes in graph.nodes(data=True):
        assert "community" in attributes and "dense_objects" in attributes, "%s: node %s attributes" % (what, node)
    assert isinstance(graph, networkx.Graph) and not graph.is_directed()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vigil", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    shared = pathlib.Path(os.environ.get("VIGIL_SHARED_DATA") or pathlib.Path(args.project).parent / "shared" / "data")
    if not (shared / SAMPLE).exists() or not (shared / "gexf-schemas").exists():
        skip_or_fail("shared data not present: %s" % shared)
    if shutil.which("xmllint") is None:
        skip_or_fail("xmllint not installed (Debian libxml2-utils)")
    try:
        import networkx
        import igraph
    except ImportError as error:
        skip_or_fail("%s (Debian python3-networkx, python3-igraph)" % error)

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    v12, v13, dense = out / "v12", out / "v13", out / "dense"
    run_coord(args.vigil, [str(shared / SAMPLE)], v12)
    run_coord(args.vigil, [str(shared / SAMPLE), "--gexf-version", "1.3"], v13)

    xmllint_valid(shared / "gexf-schemas" / "1.2draft" / "gexf.xsd", v12 / "network.gexf")
    xmllint_valid(shared / "gexf-schemas" / "1.3" / "gexf.xsd", v13 / "network.gexf")

    table = edge_table(v12 / "network_edges.csv")
    assert len(table) == EXPECTED_EDGES
    check_networkx_graph(networkx.read_gexf(str(v12 / "network.gexf")), table, "networkx GEXF 1.2draft")
    graphml = networkx.read_graphml(str(v12 / "network.graphml"))
    check_networkx_graph(graphml, table, "networkx GraphML")
    assert graphml.graph["dense_objects"] == 0

    g = igraph.Graph.Read_GraphML(str(v12 / "network.graphml"))
    assert g.vcount() == EXPECTED_NODES and g.ecount() == EXPECTED_EDGES, (g.vcount(), g.ecount())
    assert not g.is_directed()
    for name in EVIDENCE_ATTRIBUTES:
        assert name in g.es.attributes(), "igraph: edge attribute %s missing" % name
    names = g.vs["id"]
    for edge in g.es:
        row = table[frozenset((names[edge.source], names[edge.target]))]
        assert edge["evidence"] == row["evidence"] and edge["weight"] == float(row["weight"])

    # A dense object: reported as a clique, said in the GraphML graph attributes, and the files stay valid.
    shares = out / "dense_shares.csv"
    rows = ["object_id,account_id,content_id,timestamp_share", "calm,a,c1,0", "calm,b,c2,2", "calm,a,c3,100",
            "calm,b,c4,101"]
    rows += ["swarm,s%d,d%d,%d" % (i, i, 500 + i % 5) for i in range(40)]
    shares.write_text("\n".join(rows) + "\n", encoding="utf-8")
    stdout = run_coord(args.vigil, [str(shares), "--min-participation", "1", "--dense-object-pairs", "100"], dense)
    assert "1 dense objects" in stdout, stdout
    xmllint_valid(shared / "gexf-schemas" / "1.2draft" / "gexf.xsd", dense / "network.gexf")
    dense_graph = networkx.read_graphml(str(dense / "network.graphml"))
    assert dense_graph.graph["dense_objects"] == 1 and dense_graph.graph["dense_object_ids"] == "swarm"
    with open(dense / "dense_objects.csv", newline="", encoding="utf-8") as f:
        (record,) = list(csv.DictReader(f))
    assert record["object_id"] == "swarm" and record["accounts"] == "40" and record["window_pairs"] == "780", record
    print("network files read back: GEXF 1.2draft and 1.3 valid, networkx and igraph agree with the edge table")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as error:
        print("FAIL: %s" % error)
        sys.exit(1)
