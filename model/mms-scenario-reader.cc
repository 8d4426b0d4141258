/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A scanner and a recursive-descent parser of DOT, in one pass. The scanner's token classes,
// the grammar and the error messages are those of Boost.Graph's read_graphviz
// (libs/graph/src/read_graphviz_new.cpp), which read scenario files before this reader did:
// files it accepted are read with the same nodes, edges and attributes, and a file it refused
// is refused with the same message. Parsing stops at the first error by throwing a
// SyntaxError, caught in Read.

#include "mms-scenario-reader.h"

#include <algorithm>
#include <set>
#include <utility>

namespace ns3
{

namespace
{

using SyntaxError = MmsScenarioReader::SyntaxError;
using Attributes = MmsScenarioReader::Attributes;

// ---------------------------------------------------------------------------------------------
// Characters as Boost's tokenizer sees them (its regular expressions, in the "C" locale).

bool
IsAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool
IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool
IsWordChar(char c)
{
    return IsAlpha(c) || IsDigit(c) || c == '_';
}

bool
IsSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/// A line separator for the regular expressions' ^ and $.
bool
IsLineBreak(char c)
{
    return c == '\n' || c == '\r' || c == '\f';
}

/// The maximum depth of subgraphs, as Boost's reader has it.
const long kMaxNesting = 255;

/// The most a text may make the reader hold: attributes copied from defaults into nodes,
/// subgraphs and edges, edges, and subgraph members looked up for edge ends. Each of these is
/// bounded by the text's length but for them, which grow with its square (an edge between two
/// subgraphs of n nodes is n * n edges, each with a copy of the statement's attributes). An
/// edge written out with two attributes counts 5: the shipped national operator about 5,000.
const uint64_t kMaxWork = 1000000;

/// Name of the root graph among the subgraphs (as Boost's reader names it).
const char* const kRoot = "___root___";

struct Token
{
    enum Type
    {
        STRICT,
        GRAPH,
        DIGRAPH,
        NODE,
        EDGE,
        SUBGRAPH,
        LBRACE,
        RBRACE,
        SEMICOLON,
        EQUAL,
        LBRACKET,
        RBRACKET,
        COMMA,
        COLON,
        ARROW,    //!< ->
        DASHDASH, //!< --
        PLUS,
        LPAREN,
        RPAREN,
        AT,
        ID,     //!< identifier, number, HTML string or (after concatenation) quoted string
        QUOTED, //!< only inside the scanner
        END,
    };

    Type type{END};
    std::string text; //!< normalised: quotes removed, \" and backslash-newline undone
    uint32_t line{1}; //!< line of the first character
    std::size_t end{0};
};

/// How Boost's reader prints a token type in its messages.
const char*
TypeName(Token::Type type)
{
    static const char* const names[] = {
        "<strict>",       "<graph>",         "<digraph>",     "<node>",        "<edge>",
        "<subgraph>",     "<left_brace>",    "<right_brace>", "<semicolon>",   "<equal>",
        "<left_bracket>", "<right_bracket>", "<comma>",       "<colon>",       "<dash-greater>",
        "<dash-dash>",    "<plus>",          "<left_paren>",  "<right_paren>", "<at>",
        "<identifier>",   "<quoted_string>", "<eof>"};
    return names[type];
}

// ---------------------------------------------------------------------------------------------
// The scanner.

class Lexer
{
  public:
    explicit Lexer(const std::string& text)
        : m_s(text)
    {
        for (std::size_t i = 0; i < m_s.size(); ++i)
        {
            if (m_s[i] == '\n')
            {
                m_newlines.push_back(i);
            }
        }
    }

    /// The next token, quoted strings joined by '+' into one identifier.
    Token Get()
    {
        Token t = Raw();
        if (t.type != Token::QUOTED)
        {
            return t;
        }
        while (PeekRaw().type == Token::PLUS)
        {
            Raw();
            Token t2 = Raw();
            if (t2.type != Token::QUOTED)
            {
                Fail("Must have quoted string after string concatenation", t2.end, t2.line);
            }
            t.text += t2.text;
            t.end = t2.end;
        }
        t.type = Token::ID;
        return t;
    }

    std::vector<MmsScenarioReader::UnquotedNumber> unquoted; //!< in file order

  private:
    /// Line (from 1) of a character.
    uint32_t LineAt(std::size_t pos) const
    {
        return 1
               + static_cast<uint32_t>(std::lower_bound(m_newlines.begin(), m_newlines.end(), pos)
                                       - m_newlines.begin());
    }

    /// Line of the last character (1 for an empty text).
    uint32_t LastLine() const
    {
        return LineAt(m_s.empty() ? 0 : m_s.size() - 1);
    }

    /// An error of the scanner at a character, worded as Boost's; on that character's line
    /// unless `line` is given.
    [[noreturn]] void Fail(const std::string& message, std::size_t pos, uint32_t line = 0) const
    {
        const bool atEnd = pos >= m_s.size();
        throw SyntaxError{line > 0 ? line
                          : atEnd  ? LastLine()
                                   : LineAt(pos),
                          message
                              + (atEnd ? std::string(" (at end of input)")
                                       : std::string(" (char is '") + m_s[pos] + "')"),
                          false};
    }

    /// White space and comments: //..., /*...*/, # at the start of a line (or right where the
    /// skipping starts, as Boost's anchored expression allows) and backslash-newline.
    void Skip()
    {
        const std::size_t start = m_pos;
        const std::size_t n = m_s.size();
        while (m_pos < n)
        {
            const char c = m_s[m_pos];
            const char next = m_pos + 1 < n ? m_s[m_pos + 1] : '\0';
            if (IsSpace(c))
            {
                ++m_pos;
            }
            else if ((c == '/' && next == '/')
                     || (c == '#' && (m_pos == start || IsLineBreak(m_s[m_pos - 1]))))
            {
                while (m_pos < n && !IsLineBreak(m_s[m_pos]))
                {
                    ++m_pos;
                }
            }
            else if (c == '/' && next == '*')
            {
                std::size_t close = m_s.find("*/", m_pos + 2);
                if (close == std::string::npos)
                {
                    return; // not a comment: '/' is then an invalid character
                }
                m_pos = close + 2;
            }
            else if (c == '\\' && next == '\n')
            {
                m_pos += 2;
            }
            else
            {
                return;
            }
        }
    }

    Token Make(Token::Type type, std::size_t begin, std::size_t end, std::string text) const
    {
        Token t;
        t.type = type;
        t.end = end;
        t.text = std::move(text);
        t.line = LineAt(begin);
        return t;
    }

    Token PeekRaw()
    {
        if (m_lookahead.empty())
        {
            m_lookahead.push_back(Raw());
        }
        return m_lookahead.front();
    }

    /// An HTML-like tag at `pos` (which holds '<'), as Boost's expression
    /// <(/?)(?:[^!?'"]|'[^']*?'|"[^"]*?")*?(/?)> matches it.
    bool MatchTag(std::size_t pos, std::size_t& end, bool& close, bool& empty) const
    {
        const std::size_t n = m_s.size();
        std::size_t r = pos + 1;
        close = r < n && m_s[r] == '/';
        empty = false;
        if (close)
        {
            ++r;
        }
        while (r < n)
        {
            const char c = m_s[r];
            if (c == '/' && r + 1 < n && m_s[r + 1] == '>')
            {
                empty = true;
                end = r + 2;
                return true;
            }
            if (c == '>')
            {
                end = r + 1;
                return true;
            }
            if (c == '!' || c == '?')
            {
                return false;
            }
            if (c == '\'' || c == '"')
            {
                std::size_t q = m_s.find(c, r + 1);
                if (q == std::string::npos)
                {
                    return false;
                }
                r = q + 1;
                continue;
            }
            ++r;
        }
        return false;
    }

    /// A word at `b`: a keyword or an identifier.
    Token Word(std::size_t b)
    {
        static const std::vector<std::pair<std::string, Token::Type>> keywords = {
            {"strict", Token::STRICT},
            {"graph", Token::GRAPH},
            {"digraph", Token::DIGRAPH},
            {"node", Token::NODE},
            {"edge", Token::EDGE},
            {"subgraph", Token::SUBGRAPH}};
        std::size_t e = b + 1;
        while (e < m_s.size() && IsWordChar(m_s[e]))
        {
            ++e;
        }
        m_pos = e;
        std::string word = m_s.substr(b, e - b);
        std::string lower = word;
        std::transform(lower.begin(),
                       lower.end(),
                       lower.begin(),
                       [](unsigned char c)
                       {
                           return static_cast<char>(std::tolower(c));
                       });
        Token::Type type = Token::ID;
        for (const auto& k : keywords)
        {
            if (k.first == lower)
            {
                type = k.second;
            }
        }
        return Make(type, b, e, word);
    }

    /// The end of a number at `b` (-?(\.\d+|\d+(\.\d*)?)), or `b` if there is none.
    std::size_t NumberEnd(std::size_t b) const
    {
        const std::size_t n = m_s.size();
        std::size_t e = b;
        if (e < n && m_s[e] == '-')
        {
            ++e;
        }
        if (e < n && IsDigit(m_s[e]))
        {
            while (e < n && IsDigit(m_s[e]))
            {
                ++e;
            }
            if (e < n && m_s[e] == '.')
            {
                ++e;
                while (e < n && IsDigit(m_s[e]))
                {
                    ++e;
                }
            }
            return e;
        }
        if (e + 1 < n && m_s[e] == '.' && IsDigit(m_s[e + 1]))
        {
            e += 2;
            while (e < n && IsDigit(m_s[e]))
            {
                ++e;
            }
            return e;
        }
        return b;
    }

    /// A number from `b` to `e`, noting it when a word follows it at once.
    Token Number(std::size_t b, std::size_t e)
    {
        const std::size_t n = m_s.size();
        m_pos = e;
        Token t = Make(Token::ID, b, e, m_s.substr(b, e - b));
        if (e < n && (IsAlpha(m_s[e]) || m_s[e] == '_'))
        {
            std::size_t w = e;
            while (w < n
                   && (IsWordChar(m_s[w]) || m_s[w] == '.' || m_s[w] == '/' || m_s[w] == '-'
                       || m_s[w] == '+'))
            {
                ++w;
            }
            unquoted.push_back({t.line, m_s.substr(b, w - b), t.text});
        }
        return t;
    }

    /// The end of a quoted string at `b` (just past its closing quote), or `b` if unclosed.
    std::size_t QuotedEnd(std::size_t b) const
    {
        std::size_t e = b + 1;
        while (e < m_s.size())
        {
            if (m_s[e] == '"')
            {
                return e + 1;
            }
            if (m_s[e] == '\\')
            {
                ++e;
            }
            ++e;
        }
        return b;
    }

    /// A quoted string from `b` to `e`, its \" and backslash-newline undone (nothing else, as
    /// Boost).
    Token Quoted(std::size_t b, std::size_t e)
    {
        m_pos = e;
        std::string str = m_s.substr(b + 1, e - b - 2);
        std::string out;
        out.reserve(str.size());
        for (std::size_t i = 0; i < str.size(); ++i)
        {
            if (str[i] == '\\' && i + 1 < str.size() && str[i + 1] == '"')
            {
                continue; // the quote is kept
            }
            if (str[i] == '\\' && i + 1 < str.size() && str[i + 1] == '\n')
            {
                ++i;
                continue;
            }
            out += str[i];
        }
        return Make(Token::QUOTED, b, e, out);
    }

    /// An HTML string at `b`: tags balanced, CDATA sections skipped.
    Token Html(std::size_t b)
    {
        const std::size_t n = m_s.size();
        std::size_t p = b;
        int counter = 0;
        do
        {
            if (p >= n)
            {
                Fail("Unclosed HTML string", p);
            }
            if (m_s[p] != '<')
            {
                ++p;
                continue;
            }
            std::size_t e = 0;
            bool close = false;
            bool empty = false;
            if (MatchTag(p, e, close, empty))
            {
                p = e;
                if (close)
                {
                    --counter;
                }
                else if (!empty)
                {
                    ++counter;
                }
                continue;
            }
            if (m_s.compare(p, 9, "<![CDATA[") == 0)
            {
                std::size_t q = m_s.find("]]>", p + 9);
                if (q != std::string::npos)
                {
                    p = q + 3;
                    continue;
                }
            }
            Fail("Invalid contents in HTML string", p);
        } while (counter > 0);
        m_pos = p;
        return Make(Token::ID, b, p, m_s.substr(b, p - b));
    }

    /// The next token, tried in Boost's order: word, punctuation, number, quoted string, HTML.
    Token Raw()
    {
        if (!m_lookahead.empty())
        {
            Token t = m_lookahead.front();
            m_lookahead.erase(m_lookahead.begin());
            return t;
        }
        Skip();
        const std::size_t n = m_s.size();
        const std::size_t b = m_pos;
        if (b >= n)
        {
            Token t = Make(Token::END, n, n, "");
            t.line = LastLine();
            return t;
        }
        const char c = m_s[b];
        if (IsAlpha(c) || c == '_')
        {
            return Word(b);
        }
        const char next = b + 1 < n ? m_s[b + 1] : '\0';
        static const std::string punctuation = "[]{};=,:+()@";
        static const Token::Type types[] = {Token::LBRACKET,
                                            Token::RBRACKET,
                                            Token::LBRACE,
                                            Token::RBRACE,
                                            Token::SEMICOLON,
                                            Token::EQUAL,
                                            Token::COMMA,
                                            Token::COLON,
                                            Token::PLUS,
                                            Token::LPAREN,
                                            Token::RPAREN,
                                            Token::AT};
        if (punctuation.find(c) != std::string::npos)
        {
            m_pos = b + 1;
            return Make(types[punctuation.find(c)], b, b + 1, std::string(1, c));
        }
        if (c == '-' && (next == '-' || next == '>'))
        {
            m_pos = b + 2;
            return Make(next == '-' ? Token::DASHDASH : Token::ARROW, b, b + 2, m_s.substr(b, 2));
        }
        const std::size_t number = NumberEnd(b);
        if (number > b)
        {
            return Number(b, number);
        }
        if (c == '"')
        {
            const std::size_t quoted = QuotedEnd(b);
            if (quoted > b)
            {
                return Quoted(b, quoted);
            }
        }
        if (c == '<')
        {
            return Html(b);
        }
        Fail("Invalid character", b);
    }

    const std::string& m_s;
    std::size_t m_pos{0};
    std::vector<std::size_t> m_newlines;
    std::vector<Token> m_lookahead;
};

// ---------------------------------------------------------------------------------------------
// The parser.

class Parser
{
  public:
    Parser(const std::string& text, MmsScenarioReader::Graph& graph)
        : m_lexer(text)
        , m_graph(graph)
    {
    }

    /// Parse the whole text; throws SyntaxError at the first syntax error.
    void Run()
    {
        m_subgraphs[m_current] = Subgraph();
        if (Peek().type == Token::STRICT)
        {
            Next();
            m_graph.strict = true;
        }
        switch (Peek().type)
        {
            case Token::GRAPH:
            case Token::DIGRAPH:
                m_graph.directed = Peek().type == Token::DIGRAPH;
                m_graph.keywordLine = Peek().line;
                break;
            default:
                Error("Wanted \"graph\" or \"digraph\"");
        }
        Next();
        switch (Peek().type)
        {
            case Token::ID:
                m_graph.name = Next().text;
                break;
            case Token::LBRACE:
                break;
            default:
                Error("Wanted a graph name or left brace");
        }
        Expect(Token::LBRACE, "Wanted a left brace to start the graph");
        StatementList();
        Expect(Token::RBRACE, "Wanted a right brace to end the graph");
        if (Peek().type != Token::END)
        {
            Error("Wanted end of file");
        }
        m_graph.unquoted = m_lexer.unquoted;
    }

  private:
    /// What a subgraph (or the root graph) holds while it is read.
    struct Subgraph
    {
        Attributes nodeDefaults;                        //!< "node [...]" in force
        Attributes edgeDefaults;                        //!< "edge [...]" in force
        std::set<std::pair<bool, std::string>> members; //!< (is a subgraph, name), each once
    };

    /// One end of an edge: a node or a subgraph.
    struct Endpoint
    {
        bool subgraph{false};
        std::string name;
    };

    Subgraph& Current()
    {
        return m_subgraphs[m_current];
    }

    Token Peek()
    {
        if (!m_havePeek)
        {
            m_peek = m_lexer.Get();
            m_havePeek = true;
        }
        return m_peek;
    }

    Token Next()
    {
        if (m_havePeek)
        {
            m_havePeek = false;
            return m_peek;
        }
        return m_lexer.Get();
    }

    /// Count `units` of work (see kMaxWork) done for what the text says at `line`; stop when the
    /// text asks for more than kMaxWork in all.
    void Charge(uint64_t units, uint32_t line)
    {
        m_work += std::min<uint64_t>(units, kMaxWork + 1);
        if (m_work > kMaxWork)
        {
            throw SyntaxError{line,
                              "the graph asks for more than " + std::to_string(kMaxWork)
                                  + " attributes copied from defaults, edges and subgraph members "
                                    "in all (an edge between two subgraphs stands for an edge per "
                                    "pair of their nodes)",
                              false,
                              true};
        }
    }

    /// A parse error at the next token, worded as Boost's.
    [[noreturn]] void Error(const std::string& message)
    {
        const Token t = Peek();
        throw SyntaxError{t.line,
                          message + " (token is \"" + TypeName(t.type) + " '" + t.text + "'\")",
                          t.type == Token::END};
    }

    /// Take a token of this type, or stop with `message`.
    Token Expect(Token::Type type, const std::string& message)
    {
        if (Peek().type != type)
        {
            Error(message);
        }
        return Next();
    }

    void StatementList()
    {
        while (Peek().type != Token::RBRACE)
        {
            Statement();
            if (Peek().type == Token::SEMICOLON)
            {
                Next();
            }
        }
    }

    void Statement()
    {
        switch (Peek().type)
        {
            case Token::NODE:
            case Token::EDGE:
            case Token::GRAPH:
                AttributeStatement();
                break;
            case Token::SUBGRAPH:
            case Token::LBRACE:
            case Token::ID:
            {
                const Token id = Next();
                if (id.type == Token::ID && Peek().type == Token::EQUAL)
                {
                    Next(); // a graph attribute: ignored
                    Expect(Token::ID, "Wanted identifier as right side of =");
                    break;
                }
                const Endpoint ep = EndpointRest(id);
                if (Peek().type == Token::DASHDASH || Peek().type == Token::ARROW)
                {
                    EdgeStatement(ep);
                }
                else if (!ep.subgraph)
                {
                    Attributes list;
                    if (Peek().type == Token::LBRACKET)
                    {
                        AttributeList(list);
                    }
                    Attributes& attributes = m_graph.nodes[m_nodeIndex.at(ep.name)].attributes;
                    for (const auto& a : list)
                    {
                        attributes[a.first] = a.second;
                    }
                    Current().members.insert({false, ep.name});
                }
                else
                {
                    Current().members.insert({true, ep.name});
                }
                break;
            }
            default:
                Error("Invalid start token for statement");
        }
    }

    void AttributeStatement()
    {
        const Token keyword = Next();
        Attributes graphAttributes; // ignored
        AttributeList(keyword.type == Token::NODE   ? Current().nodeDefaults
                      : keyword.type == Token::EDGE ? Current().edgeDefaults
                                                    : graphAttributes);
    }

    Endpoint ParseEndpoint()
    {
        switch (Peek().type)
        {
            case Token::SUBGRAPH:
            case Token::LBRACE:
            case Token::ID:
                return EndpointRest(Next());
            default:
                Error("Wanted \"subgraph\", \"{\", or identifier to start node or subgraph");
        }
    }

    Endpoint EndpointRest(const Token& first)
    {
        Endpoint ep;
        ep.subgraph = first.type == Token::SUBGRAPH || first.type == Token::LBRACE;
        ep.name = ep.subgraph ? ParseSubgraph(first) : NodeAndPort(first);
        return ep;
    }

    /// A subgraph, opened by "subgraph" or "{": its name (made up for an anonymous one).
    std::string ParseSubgraph(const Token& first)
    {
        std::string name;
        bool anonymous = true;
        if (first.type == Token::SUBGRAPH)
        {
            if (Peek().type == Token::ID)
            {
                name = Next().text;
                anonymous = false;
            }
            else if (Peek().type != Token::LBRACE)
            {
                Error("Subgraph reference needs a name");
            }
        }
        if (anonymous)
        {
            name = "___subgraph_" + std::to_string(++m_anonymous);
        }
        if (m_subgraphs.find(name) == m_subgraphs.end())
        {
            Subgraph& outer = Current();
            Charge(outer.nodeDefaults.size() + outer.edgeDefaults.size(), first.line);
            Subgraph opened; // with the enclosing graph's defaults
            opened.nodeDefaults = outer.nodeDefaults;
            opened.edgeDefaults = outer.edgeDefaults;
            m_subgraphs[name] = opened;
        }
        if (!anonymous && Peek().type != Token::LBRACE)
        {
            return name; // a reference to a subgraph read before
        }
        if (++m_nesting > kMaxNesting)
        {
            Error("Exceeded maximum subgraph nesting level");
        }
        const std::string outer = m_current;
        m_current = name;
        if (first.type == Token::SUBGRAPH)
        {
            Next(); // the '{' seen above
        }
        StatementList();
        Next(); // the '}' that ended the list
        m_current = outer;
        --m_nesting;
        return name;
    }

    /// A node id with optional ports (read and ignored): the node's name. The file's first
    /// mention of a node creates it with the "node [...]" defaults in force.
    std::string NodeAndPort(const Token& first)
    {
        bool angle = false;
        bool location = false;
        while (true)
        {
            if (Peek().type == Token::AT)
            {
                Next();
                if (Peek().type != Token::ID)
                {
                    Error("Wanted identifier as port angle");
                }
                if (angle)
                {
                    Error("Duplicate port angle");
                }
                Next();
                angle = true;
                continue;
            }
            if (Peek().type != Token::COLON)
            {
                break;
            }
            Next();
            if (location)
            {
                Error("Duplicate port location");
            }
            location = true;
            if (Peek().type == Token::ID)
            {
                Next();
                if (Peek().type == Token::COLON)
                {
                    Next();
                    Expect(Token::ID, "Wanted identifier as port location");
                }
                continue;
            }
            Expect(Token::LPAREN,
                   "Wanted identifier or left parenthesis as start of port location");
            Expect(Token::ID, "Wanted identifier as first element of port location");
            Expect(Token::COMMA, "Wanted comma between parts of port location");
            Expect(Token::ID, "Wanted identifier as second element of port location");
            Expect(Token::RPAREN, "Wanted right parenthesis to close port location");
        }
        if (m_nodeIndex.find(first.text) == m_nodeIndex.end())
        {
            Charge(Current().nodeDefaults.size(), first.line);
            m_nodeIndex[first.text] = m_graph.nodes.size();
            m_graph.nodes.push_back({first.text, first.line, Current().nodeDefaults});
        }
        return first.text;
    }

    void EdgeStatement(const Endpoint& lhs)
    {
        std::vector<Endpoint> chain{lhs};
        std::vector<uint32_t> lines; //!< of the operator after each end but the last
        while (Peek().type == Token::DASHDASH || Peek().type == Token::ARROW)
        {
            const Token op = Next();
            chain.push_back(ParseEndpoint());
            lines.push_back(op.line);
            if (op.type == Token::ARROW)
            {
                m_graph.arrows.push_back(
                    {op.line, Display(chain[chain.size() - 2]), Display(chain.back())});
            }
        }
        Charge(Current().edgeDefaults.size(), lines.front());
        Attributes attributes = Current().edgeDefaults;
        if (Peek().type == Token::LBRACKET)
        {
            AttributeList(attributes);
        }
        for (std::size_t i = 0; i + 1 < chain.size(); ++i)
        {
            const std::set<std::string> sources = Members(chain[i], lines[i]);
            const std::set<std::string> targets = Members(chain[i + 1], lines[i]);
            // Each pair, kept or (strict) dropped, and the attributes of each edge kept.
            Charge(sources.size(), lines[i]);
            Charge(targets.size(), lines[i]);
            if (!targets.empty() && sources.size() > kMaxWork / targets.size())
            {
                Charge(kMaxWork + 1, lines[i]);
            }
            Charge(sources.size() * targets.size() * (1 + attributes.size()), lines[i]);
            for (const auto& a : sources)
            {
                const std::size_t ai = m_nodeIndex.at(a);
                for (const auto& b : targets)
                {
                    if (m_graph.strict
                        && (a == b || !m_strictEdges.insert({ai, m_nodeIndex.at(b)}).second))
                    {
                        continue; // a loop or a second edge: dropped
                    }
                    m_graph.edges.push_back({a, b, lines[i], attributes});
                }
            }
        }
    }

    static std::string Display(const Endpoint& ep)
    {
        return ep.subgraph ? std::string("{...}") : ep.name;
    }

    /// The nodes an endpoint stands for (a subgraph: its members, recursively), each member
    /// looked at charged as read at `line`.
    std::set<std::string> Members(const Endpoint& ep, uint32_t line)
    {
        std::set<std::string> result;
        std::vector<Endpoint> work{ep};
        std::set<std::string> done;
        while (!work.empty())
        {
            const Endpoint e = work.back();
            work.pop_back();
            if (!e.subgraph)
            {
                result.insert(e.name);
                continue;
            }
            if (!done.insert(e.name).second)
            {
                continue;
            }
            const auto& members = m_subgraphs.at(e.name).members;
            Charge(members.size(), line);
            for (const auto& m : members)
            {
                work.push_back({m.first, m.second});
            }
        }
        return result;
    }

    /// One or more "[...]" lists into `list` (a name without value is "true").
    void AttributeList(Attributes& list)
    {
        do
        {
            Expect(Token::LBRACKET, "Wanted left bracket to start attribute list");
            while (Peek().type != Token::RBRACKET)
            {
                if (Peek().type != Token::ID)
                {
                    Error("Wanted identifier as name of attribute");
                }
                const Token name = Next();
                MmsScenarioReader::Attribute attribute{"true", name.line};
                if (Peek().type == Token::EQUAL)
                {
                    Next();
                    attribute.value =
                        Expect(Token::ID, "Wanted identifier as value of attribute").text;
                }
                list[name.text] = attribute;
                if (Peek().type == Token::COMMA || Peek().type == Token::SEMICOLON)
                {
                    Next();
                }
            }
            Next();
        } while (Peek().type == Token::LBRACKET);
    }

    Lexer m_lexer;
    MmsScenarioReader::Graph& m_graph;
    Token m_peek;
    bool m_havePeek{false};
    std::map<std::string, std::size_t> m_nodeIndex;              //!< index in m_graph.nodes by name
    std::set<std::pair<std::size_t, std::size_t>> m_strictEdges; //!< ends' indices, in order
    std::map<std::string, Subgraph> m_subgraphs;
    std::string m_current{kRoot};
    int m_anonymous{0};
    long m_nesting{0};
    uint64_t m_work{0}; //!< see Charge
};

} // namespace

bool
MmsScenarioReader::Read(const std::string& text, Graph& graph, SyntaxError& error)
{
    graph = Graph();
    error = SyntaxError();
    try
    {
        Parser(text, graph).Run();
        return true;
    }
    catch (const SyntaxError& e)
    {
        error = e;
        graph = Graph();
        return false;
    }
}

} // namespace ns3
