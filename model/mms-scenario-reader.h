/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef MMS_SCENARIO_READER_H
#define MMS_SCENARIO_READER_H

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-scenario
 * The one parser of scenario files: GraphViz DOT text in, nodes, edges and attributes out, each
 * with the line the file gives it.
 *
 * It reads the DOT language as GraphViz defines it (https://graphviz.org/doc/info/lang.html)
 * and as Boost.Graph's read_graphviz reads it, which is the language scenario files have always
 * been written in: "graph" or "digraph", optionally "strict", with a graph name or none; node
 * statements with attribute lists ("a [kind=relay, Workers=16]", lists may repeat and
 * separate their items with "," or ";"); default statements ("node [...]", "edge [...]",
 * "graph [...]") and graph attributes ("rankdir=LR"); edge chains ("a -- b -- c" is two edges,
 * one attribute list for both); subgraphs, named or anonymous ("subgraph x {...}", "{...}"),
 * as edge ends standing for all their nodes, with their own defaults copied from the
 * enclosing graph when first opened and nested at most 255 deep; ports ("a:n", "a:p:sw",
 * "a:(1,2)", "a@30"), read and ignored. Identifiers are words ("r1", "_x"; keywords are
 * case-insensitive), numbers ("-1.5", ".5"), quoted strings (a backslash before a quote
 * stands for the quote and one before a newline joins the lines, every other backslash is kept
 * as written; "a" + "b" is "ab") and HTML strings as Boost reads them, a run of balanced tags
 * kept with their brackets (`<b>x<br/></b>`; the run ends at the tag that balances the first,
 * so GraphViz's `<<b>x</b>>` is not one). Comments: "//" and "#" to the end of the line ("#"
 * only at the start of a line or right after a token), and C block comments from slash-star
 * to star-slash. A backslash before a newline outside a string is skipped too.
 *
 * What the file means follows Boost's reader: a node takes the "node [...]" defaults in force
 * where the file first names it and keeps them, overridden only by the attributes of its own
 * node statements (the last value of a name wins); an edge takes the "edge [...]" defaults in
 * force and its statement's attribute list; an edge to a subgraph stands for one edge to each
 * of its nodes (recursively, by name order) as the subgraph is when the edge is read; in a
 * strict graph a loop and a second edge with the same two ends in the same order are dropped;
 * graph attributes and ports are read and ignored. Nodes come in the order the file first
 * names them, edges in the order they are read. (Anonymous subgraphs in bare braces, "{a b}",
 * read as DOT and Boost 1.86 read them; Boost 1.74, Debian 12's, wanted a second brace.)
 *
 * Lines count from 1, at '\\n'. A node's line is where the file first names it; an attribute's
 * line is that of its name, in the node's or edge's own statement or in the default statement
 * it comes from; an edge's line is that of its "--" (or "->"). The reader records, without
 * judging them, what scenario files may not have and MmsScenario reports: "digraph" and "->"
 * (links are undirected), and numbers run into words ("rate=2Mbps" unquoted, which DOT reads
 * as the value 2 and a second attribute named Mbps).
 *
 * The first syntax error stops reading. Its message is worded as Boost's reader words it, with
 * the offending token ("Wanted identifier as name of attribute (token is \"<right_brace>
 * '}'\")") or character ("Invalid character (char is '&')"), which scenario files have always
 * been reported with, and its line is that of the offending token or character. Reading never
 * recurses more than the subgraph nesting allows and never reads out of the text: any input,
 * empty or unterminated, gives a graph or a syntax error.
 *
 * What a text makes the reader hold is bounded too. Nodes, edge statements and attributes
 * written out each take room in the text, but three things grow with its square: attributes
 * copied from "node [...]" and "edge [...]" defaults into every node, edge and subgraph opened
 * after them, the edges an edge between two subgraphs stands for (one per pair of their
 * nodes, in a strict graph also those dropped), and the subgraph members looked up for each
 * such edge end. The reader counts them and stops, as at a syntax error but with tooLarge
 * set, where the count passes 1,000,000 (the shipped national operator, 1,038 links written
 * out, counts about 5,000), so that a few kilobytes of subgraphs cannot ask for gigabytes of
 * edges.
 *
 * \code
 *   MmsScenarioReader::Graph graph;
 *   MmsScenarioReader::SyntaxError error;
 *   if (!MmsScenarioReader::Read(text, graph, error))
 *   {
 *       std::cerr << "t.dot:" << error.line << ": syntax error: " << error.message << "\n";
 *   }
 * \endcode
 */
class MmsScenarioReader
{
  public:
    /// One attribute of a node or an edge, as the file sets it.
    struct Attribute
    {
        std::string value; //!< the value as written, quotes removed ("true" for a bare name)
        uint32_t line{0};  //!< line of the attribute's name (in a default statement if from it)
    };

    /// Attributes by name.
    using Attributes = std::map<std::string, Attribute>;

    /// A node, as the file names it.
    struct Node
    {
        std::string name;      //!< the DOT node id, quotes removed
        uint32_t line{0};      //!< line where the file first names the node
        Attributes attributes; //!< its defaults and its node statements' attributes
    };

    /// An edge, one per pair of nodes an edge statement links.
    struct Edge
    {
        std::string a;         //!< the node written first
        std::string b;         //!< the node written second
        uint32_t line{0};      //!< line of the "--" (or "->") between them
        Attributes attributes; //!< the "edge [...]" defaults and the statement's list
    };

    /// A "->" of the file: DOT's directed edge operator.
    struct Arrow
    {
        uint32_t line{0}; //!< line of the "->"
        std::string from; //!< the end before it: a node id, or "{...}" for a subgraph
        std::string to;   //!< the end after it, alike
    };

    /// A number run into a word, such as an unquoted 2Mbps, which DOT reads as two words.
    struct UnquotedNumber
    {
        uint32_t line{0};   //!< line of the number
        std::string word;   //!< the whole run as written: "2Mbps"
        std::string number; //!< what DOT reads as the value: "2"
    };

    /// What a DOT text holds.
    struct Graph
    {
        std::string name;                     //!< the graph's name (empty if none)
        bool strict{false};                   //!< "strict" was written
        bool directed{false};                 //!< "digraph" rather than "graph"
        uint32_t keywordLine{0};              //!< line of the "graph" or "digraph" keyword
        std::vector<Node> nodes;              //!< in the order the file first names them
        std::vector<Edge> edges;              //!< in the order they are read
        std::vector<Arrow> arrows;            //!< every "->", in file order
        std::vector<UnquotedNumber> unquoted; //!< numbers run into words, in file order
    };

    /// The first syntax error of a text, or what made it too large to read.
    struct SyntaxError
    {
        uint32_t line{0};     //!< line of the offending token or character
        std::string message;  //!< Boost's wording, naming the token or character
        bool atEnd{false};    //!< the parser met the end of the text where it wanted more
        bool tooLarge{false}; //!< no syntax error: the text asks for more than the reader holds
    };

    /**
     * Read a DOT text.
     * \param text the whole file
     * \param graph what the text holds (replaced; empty after a syntax error)
     * \param error the first syntax error, or what made the text too large (replaced;
     *        meaningful when false is returned)
     * \return true if the text is a DOT graph, false at a syntax error or when too large
     */
    static bool Read(const std::string& text, Graph& graph, SyntaxError& error);
};

} // namespace ns3

#endif /* MMS_SCENARIO_READER_H */
