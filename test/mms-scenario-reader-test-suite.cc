/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The DOT reader on its own: the line of every node, edge and attribute across multi-line
// statements and comments; node and edge defaults with their scope; edge chains, subgraphs and
// strict graphs; quoted strings with escapes and concatenation, HTML strings, ports and graph
// attributes; "digraph" and "->" recorded; numbers run into words recorded; syntax errors with
// Boost's wording at their line; and malformed text (every truncation of a file, bytes at
// random) read to an error at a line of the text, never a crash.

#include "ns3/mms-scenario-reader.h"
#include "ns3/test.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

using Reader = MmsScenarioReader;

/// The node called `name`, or null.
const Reader::Node*
FindNode(const Reader::Graph& g, const std::string& name)
{
    auto it = std::find_if(g.nodes.begin(),
                           g.nodes.end(),
                           [&name](const Reader::Node& n)
                           {
                               return n.name == name;
                           });
    return it == g.nodes.end() ? nullptr : &*it;
}

/// "value@line" of an attribute, or "-" if it is not set.
std::string
Attr(const Reader::Attributes& attributes, const std::string& name)
{
    auto it = attributes.find(name);
    return it == attributes.end() ? std::string("-")
                                  : it->second.value + "@" + std::to_string(it->second.line);
}

/// "value@line" of a node's attribute ("?" if there is no such node).
std::string
NodeAttr(const Reader::Graph& g, const std::string& node, const std::string& name)
{
    const Reader::Node* n = FindNode(g, node);
    return n == nullptr ? std::string("?") : Attr(n->attributes, name);
}

/// The edges as "a-b@line" in order.
std::string
Edges(const Reader::Graph& g)
{
    std::string out;
    for (const auto& e : g.edges)
    {
        out += (out.empty() ? "" : " ") + e.a + "-" + e.b + "@" + std::to_string(e.line);
    }
    return out;
}

/// The nodes as "name@line" in order.
std::string
Nodes(const Reader::Graph& g)
{
    std::string out;
    for (const auto& n : g.nodes)
    {
        out += (out.empty() ? "" : " ") + n.name + "@" + std::to_string(n.line);
    }
    return out;
}

/// Number of lines of a text, as the reader counts them (a last line without '\n' counts).
uint32_t
LineCount(const std::string& text)
{
    return 1 + static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

/// Lines of nodes, edges and attributes across multi-line statements and comments.
class MmsScenarioReaderLinesTestCase : public TestCase
{
  public:
    MmsScenarioReaderLinesTestCase()
        : TestCase("lines of nodes, edges and attributes past comments and line breaks")
    {
    }

  private:
    void DoRun() override
    {
        const std::string text = "/* a comment\n"                      // 1
                                 "   of two lines */\n"                // 2
                                 "graph t {\n"                         // 3
                                 "# a hash comment\n"                  // 4
                                 "  a [kind=relay, // a comment\n"     // 5
                                 "     Workers=16]\n"                  // 6
                                 "  b\n"                               // 7
                                 "    [label=\"two\n"                  // 8
                                 "lines\", x=1]\n"                     // 9
                                 "  a -- b /* inline */\n"             // 10
                                 "    -- c [rate=\"1Mbps\",\n"         // 11
                                 "          delay=\"1ms\"]; d [y=2]\n" // 12
                                 "}\n";                                // 13
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read(text, g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(g.name, "t", "graph name");
        NS_TEST_EXPECT_MSG_EQ(g.keywordLine, 3u, "line of the graph keyword");
        NS_TEST_EXPECT_MSG_EQ(Nodes(g), "a@5 b@7 c@11 d@12", "nodes by first mention");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "a", "kind"), "relay@5", "kind");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "a", "Workers"), "16@6", "on the next line");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "b", "label"), "two\nlines@8", "a quoted newline");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "b", "x"), "1@9", "after the quoted newline");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "d", "y"), "2@12", "after a semicolon");
        // An edge's line is its operator's, even where its first end is on an earlier line.
        NS_TEST_EXPECT_MSG_EQ(Edges(g), "a-b@10 b-c@11", "a chain is two edges");
        NS_TEST_ASSERT_MSG_EQ(g.edges.size(), 2u, "two edges");
        for (const auto& e : g.edges)
        {
            NS_TEST_EXPECT_MSG_EQ(Attr(e.attributes, "rate"), "1Mbps@11", "one list for both");
            NS_TEST_EXPECT_MSG_EQ(Attr(e.attributes, "delay"), "1ms@12", "its own line");
        }
        NS_TEST_EXPECT_MSG_EQ(g.directed, false, "an undirected graph");
        NS_TEST_EXPECT_MSG_EQ(g.arrows.size(), 0u, "no arrows");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted.size(), 0u, "no unquoted numbers");
    }
};

/// "node [...]" and "edge [...]" defaults: taken at a node's first mention, scoped to their
/// subgraph, overridden by the node's own statements.
class MmsScenarioReaderDefaultsTestCase : public TestCase
{
  public:
    MmsScenarioReaderDefaultsTestCase()
        : TestCase("node and edge defaults apply where and as Boost's reader applies them")
    {
    }

  private:
    void DoRun() override
    {
        const std::string text = "graph {\n"                                  // 1
                                 "  node [kind=router, color=red]\n"          // 2
                                 "  a\n"                                      // 3
                                 "  node [kind=cell]\n"                       // 4
                                 "  a [color=blue]\n"                         // 5
                                 "  b\n"                                      // 6
                                 "  subgraph s { node [x=1] edge [w=3] c }\n" // 7
                                 "  d\n"                                      // 8
                                 "  edge [rate=\"1Mbps\"]\n"                  // 9
                                 "  a -- b [delay=\"1ms\", rate=\"2Mbps\"]\n" // 10
                                 "  c -- d\n"                                 // 11
                                 "  subgraph s { e -- f }\n"                  // 12
                                 "}\n";
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read(text, g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(Nodes(g), "a@3 b@6 c@7 d@8 e@12 f@12", "nodes");
        // a keeps the defaults of its first mention; its own statement overrides one of them.
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "a", "kind"), "router@2", "first mention's default");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "a", "color"), "blue@5", "its own statement");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "b", "kind"), "cell@4", "the later default");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "b", "color"), "red@2", "the earlier default kept");
        // A subgraph starts with the enclosing defaults and keeps its own to itself.
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "c", "kind"), "cell@4", "inherited into s");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "c", "x"), "1@7", "s's own default");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "d", "x"), "-", "not outside s");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "e", "x"), "1@7", "s reopened keeps its defaults");
        NS_TEST_ASSERT_MSG_EQ(g.edges.size(), 3u, "three edges");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[0].attributes, "rate"), "2Mbps@10", "list overrides");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[0].attributes, "delay"), "1ms@10", "from the list");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[1].attributes, "rate"), "1Mbps@9", "the default");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[1].attributes, "w"), "-", "s's edge default");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[2].attributes, "w"), "3@7", "inside s");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[2].attributes, "rate"), "-", "s copied before line 9");
    }
};

/// Edge chains, subgraphs as edge ends, strict graphs, ports, graph attributes.
class MmsScenarioReaderEdgesTestCase : public TestCase
{
  public:
    MmsScenarioReaderEdgesTestCase()
        : TestCase("edge chains, subgraph ends and strict graphs give Boost's edges")
    {
    }

  private:
    void DoRun() override
    {
        Reader::Graph g;
        Reader::SyntaxError error;
        // A subgraph end stands for its nodes by name order, as it is when the edge is read.
        NS_TEST_ASSERT_MSG_EQ(Reader::Read("graph {\n"
                                           "  subgraph s { y x }\n"
                                           "  z -- subgraph s -- {w v}\n"
                                           "  subgraph s { u }\n"
                                           "  subgraph s -- t\n"
                                           "}\n",
                                           g,
                                           error),
                              true,
                              error.message);
        NS_TEST_EXPECT_MSG_EQ(Nodes(g), "y@2 x@2 z@3 w@3 v@3 u@4 t@5", "nodes");
        NS_TEST_EXPECT_MSG_EQ(
            Edges(g), "z-x@3 z-y@3 x-v@3 x-w@3 y-v@3 y-w@3 u-t@5 x-t@5 y-t@5", "expanded edges");

        // strict: no loop, no second edge with the same ends in the same order.
        NS_TEST_ASSERT_MSG_EQ(
            Reader::Read("strict graph { a -- b; a -- b; b -- a; a -- a; {a b} -- c }", g, error),
            true,
            error.message);
        NS_TEST_EXPECT_MSG_EQ(g.strict, true, "strict");
        NS_TEST_EXPECT_MSG_EQ(Edges(g), "a-b@1 b-a@1 a-c@1 b-c@1", "strict edges");
        NS_TEST_ASSERT_MSG_EQ(
            Reader::Read("graph { a -- a; a -- b; a -- b }", g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(Edges(g), "a-a@1 a-b@1 a-b@1", "not strict: all kept");

        // Ports are read and ignored; so are graph attributes in every form.
        NS_TEST_ASSERT_MSG_EQ(Reader::Read("Graph G { rankdir=LR; GRAPH [bgcolor=red]\n"
                                           "  a:n -- b:p:sw -- c:(1,2)@30 -- d@45:e }",
                                           g,
                                           error),
                              true,
                              error.message);
        NS_TEST_EXPECT_MSG_EQ(Nodes(g), "a@2 b@2 c@2 d@2", "ports are not nodes");
        NS_TEST_EXPECT_MSG_EQ(Edges(g), "a-b@2 b-c@2 c-d@2", "edges between ported nodes");
        NS_TEST_EXPECT_MSG_EQ(FindNode(g, "rankdir"), nullptr, "a graph attribute is no node");

        // A subgraph used as a statement contributes nodes but no edge.
        NS_TEST_ASSERT_MSG_EQ(
            Reader::Read("graph { { a b } subgraph { c } }", g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(Nodes(g), "a@1 b@1 c@1", "anonymous subgraphs");
        NS_TEST_EXPECT_MSG_EQ(g.edges.size(), 0u, "no edges");
    }
};

/// Identifiers of every form: quoted with escapes and concatenation, HTML, numbers, keywords.
class MmsScenarioReaderStringsTestCase : public TestCase
{
  public:
    MmsScenarioReaderStringsTestCase()
        : TestCase("quoted strings, concatenation, HTML strings and numbers are identifiers")
    {
    }

  private:
    void DoRun() override
    {
        const std::string text =
            "graph {\n"                                                          // 1
            "  \"node one\" [quote=\"say \\\"hi\\\"\", path=\"c:\\\\dir\\n\",\n" // 2
            "    joined=\"ab\" + \"cd\"\n"                                       // 3
            "      + \"ef\", long=\"x\\\n"                                       // 4
            "y\", bare, html=<b>x<br/></b>,\n"                                   // 5
            "    cdata=<a><![CDATA[x<y]]></a>, n=-1.5, m=.5, e=\"\"]\n"          // 6
            "  \"node one\" -- NODE2\n"                                          // 7
            "}\n";
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read(text, g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(Nodes(g), "node one@2 NODE2@7", "quoted and upper-case ids");
        // Only \" and backslash-newline are undone; other backslashes stay as written.
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "quote"), "say \"hi\"@2", "escaped quotes");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "path"), "c:\\\\dir\\n@2", "backslashes");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "joined"), "abcdef@3", "concatenation");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "long"), "xy@4", "a continued line");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "bare"), "true@5", "a name alone");
        // HTML strings are balanced tags, kept with their brackets (Boost's reader stops at
        // the tag that balances the first, so <<b>x</b>> is not one).
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "html"), "<b>x<br/></b>@5", "HTML");
        NS_TEST_EXPECT_MSG_EQ(
            NodeAttr(g, "node one", "cdata"), "<a><![CDATA[x<y]]></a>@6", "CDATA inside");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "n"), "-1.5@6", "a negative number");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "m"), ".5@6", "a number without 0");
        NS_TEST_EXPECT_MSG_EQ(NodeAttr(g, "node one", "e"), "@6", "an empty string");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted.size(), 0u, "no unquoted numbers");

        // A number run into a word is two identifiers, and recorded.
        NS_TEST_ASSERT_MSG_EQ(
            Reader::Read("graph {\n a -- b [rate=2Mbps, delay=1.5ms]\n}", g, error),
            true,
            error.message);
        NS_TEST_ASSERT_MSG_EQ(g.unquoted.size(), 2u, "two numbers run into words");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted[0].word, "2Mbps", "as written");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted[0].number, "2", "what DOT reads");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted[0].line, 2u, "its line");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted[1].word, "1.5ms", "up to the next delimiter");
        NS_TEST_EXPECT_MSG_EQ(g.unquoted[1].number, "1.5", "the number DOT reads");
        NS_TEST_ASSERT_MSG_EQ(g.edges.size(), 1u, "one edge");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[0].attributes, "rate"), "2@2", "the number");
        NS_TEST_EXPECT_MSG_EQ(Attr(g.edges[0].attributes, "Mbps"), "true@2", "the word");
    }
};

/// "digraph" and "->" are read and recorded (MmsScenario refuses them).
class MmsScenarioReaderDigraphTestCase : public TestCase
{
  public:
    MmsScenarioReaderDigraphTestCase()
        : TestCase("a digraph with -> is read, its keyword and arrows recorded")
    {
    }

  private:
    void DoRun() override
    {
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read("// a digraph\n"
                                           "strict digraph d {\n"
                                           "  a -> b\n"
                                           "  b -> {c d} -- e\n"
                                           "}\n",
                                           g,
                                           error),
                              true,
                              error.message);
        NS_TEST_EXPECT_MSG_EQ(g.directed, true, "directed");
        NS_TEST_EXPECT_MSG_EQ(g.strict, true, "strict");
        NS_TEST_EXPECT_MSG_EQ(g.keywordLine, 2u, "the digraph keyword's line");
        NS_TEST_EXPECT_MSG_EQ(Edges(g), "a-b@3 b-c@4 b-d@4 c-e@4 d-e@4", "edges");
        NS_TEST_ASSERT_MSG_EQ(g.arrows.size(), 2u, "two arrows");
        NS_TEST_EXPECT_MSG_EQ(g.arrows[0].from + ">" + g.arrows[0].to, "a>b", "first arrow");
        NS_TEST_EXPECT_MSG_EQ(g.arrows[0].line, 3u, "first arrow's line");
        NS_TEST_EXPECT_MSG_EQ(g.arrows[1].from + ">" + g.arrows[1].to, "b>{...}", "to a subgraph");
        NS_TEST_EXPECT_MSG_EQ(g.arrows[1].line, 4u, "second arrow's line");
    }
};

/// Syntax errors: Boost's wording, the offending token's line, the end of the text flagged.
class MmsScenarioReaderSyntaxTestCase : public TestCase
{
  public:
    MmsScenarioReaderSyntaxTestCase()
        : TestCase("syntax errors are worded as Boost's reader words them, at their line")
    {
    }

  private:
    /// Read `text`; expect a syntax error at `line` with `message`.
    void Expect(const std::string& text, uint32_t line, const std::string& message, bool atEnd)
    {
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read(text, g, error), false, "refused: " << text);
        NS_TEST_EXPECT_MSG_EQ(error.message, message, text);
        NS_TEST_EXPECT_MSG_EQ(error.line, line, text);
        NS_TEST_EXPECT_MSG_EQ(error.atEnd, atEnd, text);
        NS_TEST_EXPECT_MSG_EQ(g.nodes.size() + g.edges.size(), 0u, "nothing read: " << text);
    }

    void DoRun() override
    {
        Expect("graph t {\n  a [kind=relay}\n  b\n}\n",
               2,
               "Wanted identifier as name of attribute (token is \"<right_brace> '}'\")",
               false);
        Expect("", 1, "Wanted \"graph\" or \"digraph\" (token is \"<eof> ''\")", true);
        Expect("\n\n// only a comment\n",
               3,
               "Wanted \"graph\" or \"digraph\" (token is \"<eof> ''\")",
               true);
        Expect("graph t {\n  a [kind=relay]\n",
               2,
               "Invalid start token for statement (token is \"<eof> ''\")",
               true);
        Expect("graph t {\n  a ]\n}",
               2,
               "Invalid start token for statement (token is \"<right_bracket> ']'\")",
               false);
        Expect("graph { a }\nx", 2, "Wanted end of file (token is \"<identifier> 'x'\")", false);
        Expect("graph {\n a [label=\"unclosed]\n}\n", 2, "Invalid character (char is '\"')", false);
        Expect("graph { a }\n\n/* unclosed", 3, "Invalid character (char is '/')", false);
        Expect("graph {\n  b & c\n}", 2, "Invalid character (char is '&')", false);
        Expect("graph {\n  a [x=-]\n}", 2, "Invalid character (char is '-')", false);
        Expect("graph {\n a [l=\"x\" + y]\n}",
               2,
               "Must have quoted string after string concatenation (char is ']')",
               false);
        Expect("graph { a [l=\"x\" +",
               1,
               "Must have quoted string after string "
               "concatenation (at end of input)",
               false);
        Expect("graph {\n a [l=<b>x]\n}\n", 3, "Unclosed HTML string (at end of input)", false);
        Expect("graph {\n a [l=<a <!x> >]\n}\n",
               2,
               "Invalid contents in HTML string (char is '<')",
               false);
        Expect("graph {\n a -- \n}",
               3,
               "Wanted \"subgraph\", \"{\", or identifier to start node or subgraph (token is "
               "\"<right_brace> '}'\")",
               false);
        Expect("graph { subgraph ; }",
               1,
               "Subgraph reference needs a name (token is \"<semicolon> ';'\")",
               false);
        Expect("graph { a = ; }",
               1,
               "Wanted identifier as right side of = (token is \"<semicolon> ';'\")",
               false);
        Expect("graph { a [x=,] }",
               1,
               "Wanted identifier as value of attribute (token is \"<comma> ','\")",
               false);
        Expect("graph { node a }",
               1,
               "Wanted left bracket to start attribute list (token is \"<identifier> 'a'\")",
               false);
        Expect("graph { a:(1 2) }",
               1,
               "Wanted comma between parts of port location (token is \"<identifier> '2'\")",
               false);
        Expect("graph { a@1@2 }", 1, "Duplicate port angle (token is \"<identifier> '2'\")", false);
        Expect("graph [x=1] { }",
               1,
               "Wanted a graph name or left brace (token is \"<left_bracket> '['\")",
               false);
        Expect("strict { }",
               1,
               "Wanted \"graph\" or \"digraph\" (token is \"<left_brace> '{'\")",
               false);
        // Subgraphs nest 255 deep at most.
        std::string deep = "graph {";
        for (int i = 0; i < 255; ++i)
        {
            deep += "subgraph {";
        }
        deep += "a" + std::string(255, '}') + "}";
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_EXPECT_MSG_EQ(Reader::Read(deep, g, error), true, "255 levels: " << error.message);
        Expect("graph {" + std::string(256, '{') + "a" + std::string(257, '}'),
               1,
               "Exceeded maximum subgraph nesting level (token is \"<identifier> 'a'\")",
               false);
    }
};

/// What a text makes the reader hold is bounded: edges between subgraphs, members looked up and
/// attributes copied from defaults are counted, and a text asking for more than 1,000,000 of
/// them in all is refused as too large at the line where the count passes it.
class MmsScenarioReaderSizeTestCase : public TestCase
{
  public:
    MmsScenarioReaderSizeTestCase()
        : TestCase("a few kilobytes asking for a million edges are refused as too large")
    {
    }

  private:
    /// "n0 n1 ... n<count-1>"
    static std::string Names(uint32_t count)
    {
        std::string out;
        for (uint32_t i = 0; i < count; ++i)
        {
            out += (i == 0 ? "n" : " n") + std::to_string(i);
        }
        return out;
    }

    /// Read `text`; expect it refused as too large at `line`.
    void ExpectTooLarge(const std::string& text, uint32_t line, const std::string& what)
    {
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read(text, g, error), false, what);
        NS_TEST_EXPECT_MSG_EQ(error.tooLarge, true, what);
        NS_TEST_EXPECT_MSG_EQ(error.atEnd, false, what);
        NS_TEST_EXPECT_MSG_EQ(error.line, line, what);
        NS_TEST_EXPECT_MSG_EQ(
            error.message.find("the graph asks for more than 1000000 "), 0u, error.message);
        NS_TEST_EXPECT_MSG_EQ(g.nodes.size() + g.edges.size(), 0u, "nothing read: " << what);
    }

    void DoRun() override
    {
        // 1,000 nodes as two edge ends: a million edges from 6 kB, refused before any is made
        // (and so in a strict graph, which would drop the loops and keep the others).
        const std::string s = "  subgraph s { " + Names(1000) + " }\n";
        ExpectTooLarge("graph {\n" + s + "  subgraph s -- subgraph s\n}\n", 3, "s -- s");
        ExpectTooLarge(
            "strict graph {\n" + s + "  subgraph s -- subgraph s\n}\n", 3, "strict s -- s");

        // Members looked up count too: each "subgraph s -- {}" looks at 1,000 members twice
        // (listing them and pairing them with none), so 500 such statements are the most.
        Reader::Graph g;
        Reader::SyntaxError error;
        std::string text = "graph {\n" + s;
        for (int i = 0; i < 500; ++i)
        {
            text += "subgraph s -- {}\n";
        }
        NS_TEST_EXPECT_MSG_EQ(Reader::Read(text + "}\n", g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(g.nodes.size(), 1000u, "the subgraph's nodes");
        NS_TEST_EXPECT_MSG_EQ(g.edges.size(), 0u, "no edge to an empty subgraph");
        ExpectTooLarge(text + "subgraph s -- {}\n}\n", 503, "501 lookups");

        // Defaults copied into every node: 100 attributes into 10,000 nodes.
        std::string defaults = "graph {\n  node [";
        for (int i = 0; i < 100; ++i)
        {
            defaults += " a" + std::to_string(i) + "=1";
        }
        ExpectTooLarge(defaults + "]\n  " + Names(10001) + "\n}\n", 3, "node defaults");
        // And into every edge: 1,000 attributes on each of 1,000 edges, refused before any.
        std::string edges = "graph {\n  edge [";
        for (int i = 0; i < 1000; ++i)
        {
            edges += " a" + std::to_string(i) + "=1";
        }
        ExpectTooLarge(edges + "]\n  {" + Names(500) + "} -- {x y}\n}\n", 3, "edge defaults");

        // A subgraph naming a node 4,000 times holds it once: 1,000 edges from it count 5 each.
        text = "graph {\n  subgraph s {";
        for (int i = 0; i < 4000; ++i)
        {
            text += " a";
        }
        text += " }\n";
        for (int i = 0; i < 1000; ++i)
        {
            text += "  subgraph s -- b\n";
        }
        NS_TEST_EXPECT_MSG_EQ(Reader::Read(text + "}\n", g, error), true, error.message);
        NS_TEST_EXPECT_MSG_EQ(Edges(g).substr(0, 11), "a-b@3 a-b@4", "one edge per statement");
        NS_TEST_EXPECT_MSG_EQ(g.edges.size(), 1000u, "one edge per statement");
    }
};

/// Malformed text: every truncation of a good file, and random bytes, give an error at a line
/// of the text (or, for the whole file, a graph), never a crash or an unbounded recursion.
class MmsScenarioReaderMalformedTestCase : public TestCase
{
  public:
    MmsScenarioReaderMalformedTestCase()
        : TestCase("truncated and random texts give an error at a line of the text")
    {
    }

  private:
    void DoRun() override
    {
        const std::string good = "/* c */ strict graph \"g\" {\n"
                                 "  node [kind=router] // default\n"
                                 "# a hash comment\n"
                                 "  a [label=<i>x</i>, l=\"q\\\"\" + \"r\"]\n"
                                 "  a:n -- {b; subgraph s {c}} -> d [rate=\"1Mbps\"]\n"
                                 "}\n";
        Reader::Graph g;
        Reader::SyntaxError error;
        NS_TEST_ASSERT_MSG_EQ(Reader::Read(good, g, error), true, error.message);
        // Every proper prefix that does not end after the closing brace is refused.
        const std::size_t close = good.rfind('}');
        for (std::size_t n = 0; n <= close; ++n)
        {
            const std::string text = good.substr(0, n);
            const bool ok = Reader::Read(text, g, error);
            NS_TEST_EXPECT_MSG_EQ(ok, false, "prefix of " << n << " bytes");
            NS_TEST_EXPECT_MSG_EQ((error.line >= 1 && error.line <= LineCount(text)),
                                  true,
                                  "line " << error.line << " of a prefix of " << n << " bytes");
            NS_TEST_EXPECT_MSG_EQ(error.message.empty(), false, "a message");
        }
        // Random texts over DOT's own characters (a fixed linear congruential sequence).
        const std::string alphabet = "graphdigraphsubgraph{}[];,=:@()+-><\"\\/*#\n ab1.";
        uint32_t state = 12345;
        uint32_t read = 0;
        for (int i = 0; i < 2000; ++i)
        {
            std::string text = i % 2 == 0 ? "graph {" : "";
            const int length = 1 + i % 60;
            for (int k = 0; k < length; ++k)
            {
                state = state * 1103515245u + 12345u;
                text += alphabet[(state >> 16) % alphabet.size()];
            }
            if (Reader::Read(text, g, error))
            {
                ++read;
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ((error.line >= 1 && error.line <= LineCount(text)),
                                  true,
                                  "line " << error.line << " of \"" << text << "\"");
        }
        NS_TEST_EXPECT_MSG_LT(read, 2000u, "random texts are mostly refused");
    }
};

/// The suite.
class MmsScenarioReaderTestSuite : public TestSuite
{
  public:
    MmsScenarioReaderTestSuite()
        : TestSuite("mms-scenario-reader", Type::UNIT)
    {
        AddTestCase(new MmsScenarioReaderLinesTestCase);
        AddTestCase(new MmsScenarioReaderDefaultsTestCase);
        AddTestCase(new MmsScenarioReaderEdgesTestCase);
        AddTestCase(new MmsScenarioReaderStringsTestCase);
        AddTestCase(new MmsScenarioReaderDigraphTestCase);
        AddTestCase(new MmsScenarioReaderSyntaxTestCase);
        AddTestCase(new MmsScenarioReaderSizeTestCase);
        AddTestCase(new MmsScenarioReaderMalformedTestCase);
    }
};

static MmsScenarioReaderTestSuite g_mmsScenarioReaderTestSuite; //!< Static test initialization
