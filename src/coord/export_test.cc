// Exports: GraphML re-read with igraph (the library Gephi users' R and Python tools share), GEXF checked
// for well-formedness and content, CSV tables with evidence.
#include <gtest/gtest.h>
#include <igraph/igraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdio>
#include <functional>

#include "tests/testutil/shared_data.h"
#include "vigil/coordination.h"

namespace vigil {
namespace {

struct Fixture {
  CoordinationData data;
  CoordinationNetwork net;
};

Fixture Build() {
  std::vector<ShareTuple> t = {{"url:https://a/1", "wechat:a&b", "wechat:1", 0, -1}, {"url:https://a/1", "wechat:b", "wechat:2", 5, -1},
                               {"url:https://a/1", "wechat:c", "wechat:3", 8, -1},   {"tag:卡尼", "wechat:a&b", "wechat:4", 100, -1},
                               {"tag:卡尼", "wechat:b", "wechat:5", 101, -1}};
  DetectOptions o;
  o.min_participation = 1;
  Fixture f{*DetectGroups(t, o), {}};
  NetworkOptions n;
  n.objects = true;
  f.net = *GenerateCoordinatedNetwork(f.data, n);
  EXPECT_TRUE(DetectCommunities(f.net, CommunityMethod::kLouvain).ok());
  return f;
}

TEST(GraphMl, ReReadByIgraphWithTheSameGraphAndAttributes) {
  Fixture f = Build();
  ASSERT_EQ(f.net.edges.size(), 3u);
  const std::string path = testutil::MakeTempDir("coord_export") + "/net.graphml";
  ASSERT_TRUE(WriteGraphMl(path, f.data, f.net).ok());
  FILE* in = std::fopen(path.c_str(), "r");
  ASSERT_NE(in, nullptr);
  igraph_t g;
  igraph_set_error_handler(igraph_error_handler_printignore);
  igraph_set_attribute_table(&igraph_cattribute_table);
  ASSERT_EQ(igraph_read_graph_graphml(&g, in, 0), IGRAPH_SUCCESS);
  std::fclose(in);
  EXPECT_EQ(igraph_vcount(&g), 3);
  EXPECT_EQ(igraph_ecount(&g), 3);
  EXPECT_FALSE(igraph_is_directed(&g));
  // Edge weights and the object evidence survive.
  igraph_vector_t w;
  igraph_vector_init(&w, 0);
  ASSERT_EQ(igraph_cattribute_EANV(&g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &w), IGRAPH_SUCCESS);
  double total = 0;
  for (igraph_integer_t i = 0; i < igraph_vector_size(&w); ++i) total += VECTOR(w)[i];
  EXPECT_DOUBLE_EQ(total, 4.0);  // a&b-b twice (url, tag), a&b-c, b-c
  igraph_vector_destroy(&w);
  bool found_tag = false;
  for (igraph_integer_t e = 0; e < igraph_ecount(&g); ++e)
    found_tag |= std::string(igraph_cattribute_EAS(&g, "object_ids", e)).find("tag:卡尼") != std::string::npos;
  EXPECT_TRUE(found_tag);
  EXPECT_STREQ(igraph_cattribute_VAS(&g, "id", 1), "wechat:b");
  igraph_destroy(&g);
  // Escaped ids decode back to the account (checked with libxml2, which resolves entities).
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  xmlNodePtr node = xmlDocGetRootElement(doc)->children;
  while (node && !(node->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(node->name)) == "graph"))
    node = node->next;
  ASSERT_NE(node, nullptr);
  node = node->children;
  while (node && node->type != XML_ELEMENT_NODE) node = node->next;
  ASSERT_NE(node, nullptr);
  xmlChar* id = xmlGetProp(node, reinterpret_cast<const xmlChar*>("id"));
  EXPECT_STREQ(reinterpret_cast<const char*>(id), "wechat:a&b");
  xmlFree(id);
  xmlFreeDoc(doc);
}

TEST(Gexf, WellFormedWithNodesEdgesAndWeights) {
  Fixture f = Build();
  const std::string path = testutil::MakeTempDir("coord_export") + "/net.gexf";
  ASSERT_TRUE(WriteGexf(path, f.data, f.net).ok());
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr) << "GEXF is not well-formed XML";
  xmlNodePtr root = xmlDocGetRootElement(doc);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "gexf");
  int nodes = 0, edges = 0;
  double weight = 0;
  std::function<void(xmlNodePtr)> walk = [&](xmlNodePtr n) {
    for (; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE) {
        std::string name = reinterpret_cast<const char*>(n->name);
        if (name == "node") ++nodes;
        if (name == "edge") {
          ++edges;
          xmlChar* wv = xmlGetProp(n, reinterpret_cast<const xmlChar*>("weight"));
          weight += std::stod(reinterpret_cast<const char*>(wv));
          xmlFree(wv);
        }
      }
      walk(n->children);
    }
  };
  walk(root);
  EXPECT_EQ(nodes, 3);
  EXPECT_EQ(edges, 3);
  EXPECT_DOUBLE_EQ(weight, 4.0);
  xmlFreeDoc(doc);
}

TEST(EdgesCsv, CarriesTheObjectsAndTheCoSharesAsEvidence) {
  Fixture f = Build();
  const std::string dir = testutil::MakeTempDir("coord_export");
  ASSERT_TRUE(WriteEdgesCsv(dir + "/edges.csv", f.data, f.net).ok());
  ASSERT_TRUE(WritePairsCsv(dir + "/pairs.csv", f.data).ok());
  ASSERT_TRUE(WriteVerticesCsv(dir + "/vertices.csv", f.data, f.net).ok());
  const std::string edges = testutil::ReadFile(dir + "/edges.csv");
  EXPECT_NE(edges.find("wechat:a&b,wechat:b,2,"), std::string::npos);
  EXPECT_NE(edges.find("url:https://a/1|wechat:1|wechat:2|0|5;tag:卡尼|wechat:4|wechat:5|100|101"), std::string::npos);
  const std::string pairs = testutil::ReadFile(dir + "/pairs.csv");
  EXPECT_NE(pairs.find("url:https://a/1,wechat:1,wechat:3,wechat:a&b,wechat:c,8"), std::string::npos);
  EXPECT_NE(testutil::ReadFile(dir + "/vertices.csv").find("wechat:c,1,"), std::string::npos);
}

}  // namespace
}  // namespace vigil
