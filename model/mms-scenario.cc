/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Reading a scenario in three passes. (1) A DOT scanner and parser that follows the grammar of
// Boost's reader (libs/graph/src/read_graphviz_new.cpp) token for token: it finds the line of a
// syntax error, and on a good file records where each node is first named, where each of its
// attributes is set and where each edge statement is. (2) boost::read_graphviz builds the graph
// with every attribute, through dynamic properties whose maps are made on demand. (3) The checks,
// which never hand ns-3 a string it would abort on (ns-3.37 aborts, rather than fails, on a bad
// time unit, an unknown TypeId or attribute inside "Type[Name=value]", or text left over after a
// value), and the routes: Dijkstra from every vertex over (delay, hops).

#include "mms-scenario.h"

#include "mms-bearer-profile.h"

#include "ns3/boolean.h"
#include "ns3/data-rate.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/pointer.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/version.hpp>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <locale>
#include <set>
#include <sstream>
#include <stdexcept>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("MmsScenario");

namespace
{

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

std::string
Lower(std::string s)
{
    std::transform(s.begin(),
                   s.end(),
                   s.begin(),
                   [](unsigned char c)
                   {
                       return static_cast<char>(std::tolower(c));
                   });
    return s;
}

std::string
Join(const std::vector<std::string>& items, const std::string& separator)
{
    std::string out;
    for (const auto& i : items)
    {
        out += (out.empty() ? "" : separator) + i;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// The DOT scanner.

struct DotToken
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
        QUOTED, //!< only inside the lexer
        END,
    };

    Type type{END};
    std::string text; //!< normalised: quotes removed, \" and backslash-newline undone
    uint32_t line{1}; //!< line of the first character
    std::size_t begin{0};
    std::size_t end{0};
};

/// A syntax error at a line.
struct DotError
{
    uint32_t line;
    std::string message;
    bool atEnd{false};   //!< found at the end of the text
    bool ownOnly{false}; //!< found by this parser only: Boost is not to be called
};

/// A number run into a word ("2Mbps" unquoted), which DOT reads as two words.
struct DotUnquoted
{
    uint32_t line;
    std::string word;   //!< "2Mbps"
    std::string number; //!< "2"
};

class DotLexer
{
  public:
    explicit DotLexer(const std::string& text)
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

    /// Line (from 1) of a character.
    uint32_t LineAt(std::size_t pos) const
    {
        return 1
               + static_cast<uint32_t>(std::lower_bound(m_newlines.begin(), m_newlines.end(), pos)
                                       - m_newlines.begin());
    }

    /// The next token, quoted strings joined by '+' into one identifier.
    DotToken Get()
    {
        DotToken t = Raw();
        if (t.type != DotToken::QUOTED)
        {
            return t;
        }
        while (PeekRaw().type == DotToken::PLUS)
        {
            Raw();
            DotToken t2 = Raw();
            if (t2.type != DotToken::QUOTED)
            {
                throw DotError{t2.line, "Must have quoted string after string concatenation"};
            }
            t.text += t2.text;
            t.end = t2.end;
        }
        t.type = DotToken::ID;
        return t;
    }

    std::vector<DotUnquoted> unquoted; //!< numbers run into words, in file order

  private:
    [[noreturn]] void Fail(const std::string& message, std::size_t pos) const
    {
        std::string where = pos < m_s.size() ? std::string(" (char is '") + m_s[pos] + "')"
                                             : std::string(" (at end of input)");
        throw DotError{LineAt(std::min(pos, m_s.empty() ? 0 : m_s.size() - 1)), message + where};
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
            else if (c == '/' && next == '/')
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
            else if (c == '#' && (m_pos == start || m_pos == 0 || IsLineBreak(m_s[m_pos - 1])))
            {
                while (m_pos < n && !IsLineBreak(m_s[m_pos]))
                {
                    ++m_pos;
                }
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

    DotToken Make(DotToken::Type type, std::size_t begin, std::size_t end, std::string text) const
    {
        DotToken t;
        t.type = type;
        t.begin = begin;
        t.end = end;
        t.text = std::move(text);
        t.line = LineAt(begin);
        return t;
    }

    DotToken PeekRaw()
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

    DotToken Raw()
    {
        if (!m_lookahead.empty())
        {
            DotToken t = m_lookahead.front();
            m_lookahead.erase(m_lookahead.begin());
            return t;
        }
        Skip();
        const std::size_t n = m_s.size();
        const std::size_t b = m_pos;
        if (b >= n)
        {
            DotToken t = Make(DotToken::END, n, n, "");
            t.line = LineAt(n == 0 ? 0 : n - 1);
            return t;
        }
        const char c = m_s[b];
        if (IsAlpha(c) || c == '_')
        {
            std::size_t e = b + 1;
            while (e < n && IsWordChar(m_s[e]))
            {
                ++e;
            }
            m_pos = e;
            std::string word = m_s.substr(b, e - b);
            const std::string lower = Lower(word);
            DotToken::Type type = DotToken::ID;
            if (lower == "strict")
            {
                type = DotToken::STRICT;
            }
            else if (lower == "graph")
            {
                type = DotToken::GRAPH;
            }
            else if (lower == "digraph")
            {
                type = DotToken::DIGRAPH;
            }
            else if (lower == "node")
            {
                type = DotToken::NODE;
            }
            else if (lower == "edge")
            {
                type = DotToken::EDGE;
            }
            else if (lower == "subgraph")
            {
                type = DotToken::SUBGRAPH;
            }
            return Make(type, b, e, word);
        }
        const char next = b + 1 < n ? m_s[b + 1] : '\0';
        static const std::string punctuation = "[]{};=,:+()@";
        if (punctuation.find(c) != std::string::npos)
        {
            m_pos = b + 1;
            static const DotToken::Type types[] = {DotToken::LBRACKET,
                                                   DotToken::RBRACKET,
                                                   DotToken::LBRACE,
                                                   DotToken::RBRACE,
                                                   DotToken::SEMICOLON,
                                                   DotToken::EQUAL,
                                                   DotToken::COMMA,
                                                   DotToken::COLON,
                                                   DotToken::PLUS,
                                                   DotToken::LPAREN,
                                                   DotToken::RPAREN,
                                                   DotToken::AT};
            return Make(types[punctuation.find(c)], b, b + 1, std::string(1, c));
        }
        if (c == '-' && (next == '-' || next == '>'))
        {
            m_pos = b + 2;
            return Make(
                next == '-' ? DotToken::DASHDASH : DotToken::ARROW, b, b + 2, m_s.substr(b, 2));
        }
        // -?(\.\d+|\d+(\.\d*)?)
        {
            std::size_t e = b;
            if (e < n && m_s[e] == '-')
            {
                ++e;
            }
            std::size_t digits = e;
            bool number = false;
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
                number = true;
            }
            else if (e + 1 < n && m_s[e] == '.' && IsDigit(m_s[e + 1]))
            {
                ++e;
                while (e < n && IsDigit(m_s[e]))
                {
                    ++e;
                }
                number = true;
            }
            if (number && e > digits)
            {
                m_pos = e;
                DotToken t = Make(DotToken::ID, b, e, m_s.substr(b, e - b));
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
        }
        if (c == '"')
        {
            std::size_t e = b + 1;
            bool closed = false;
            while (e < n)
            {
                if (m_s[e] == '"')
                {
                    closed = true;
                    break;
                }
                if (m_s[e] == '\\')
                {
                    if (e + 1 >= n)
                    {
                        break;
                    }
                    e += 2;
                    continue;
                }
                ++e;
            }
            if (closed)
            {
                m_pos = e + 1;
                std::string str = m_s.substr(b + 1, e - b - 1);
                // Undo \" and backslash-newline, nothing else (as Boost).
                for (std::size_t i = 0; i + 1 < str.size(); ++i)
                {
                    if (str[i] == '\\' && str[i + 1] == '"')
                    {
                        str.erase(i, 1);
                    }
                    else if (str[i] == '\\' && str[i + 1] == '\n')
                    {
                        str.erase(i, 2);
                        --i; // unsigned wrap-around undone by ++i
                    }
                }
                return Make(DotToken::QUOTED, b, e + 1, str);
            }
        }
        if (c == '<')
        {
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
            return Make(DotToken::ID, b, p, m_s.substr(b, p - b));
        }
        Fail("Invalid character", b);
    }

    const std::string& m_s;
    std::size_t m_pos{0};
    std::vector<std::size_t> m_newlines;
    std::vector<DotToken> m_lookahead;
};

/// The parser: Boost's grammar, recording lines instead of building a graph. Differences:
/// "digraph" and "->" are accepted (and recorded) so that the rest can still be checked.
class DotParser
{
  public:
    explicit DotParser(const std::string& text)
        : lexer(text)
    {
    }

    /// Parse the whole text; throws DotError at the first syntax error.
    void Run()
    {
        m_subgraphs[m_current] = Subgraph();
        if (Peek().type == DotToken::STRICT)
        {
            Next();
            m_strict = true;
        }
        switch (Peek().type)
        {
            case DotToken::GRAPH:
                break;
            case DotToken::DIGRAPH:
                digraph = Peek();
                isDigraph = true;
                break;
            default:
                Error("Wanted \"graph\" or \"digraph\"");
        }
        Next();
        switch (Peek().type)
        {
            case DotToken::ID:
                Next();
                break;
            case DotToken::LBRACE:
                break;
            default:
                Error("Wanted a graph name or left brace");
        }
        if (Peek().type == DotToken::LBRACE)
        {
            Next();
        }
        else
        {
            Error("Wanted a left brace to start the graph");
        }
        StatementList();
        if (Peek().type == DotToken::RBRACE)
        {
            Next();
        }
        else
        {
            Error("Wanted a right brace to end the graph");
        }
        if (Peek().type != DotToken::END)
        {
            Error("Wanted end of file");
        }
    }

    struct Arrow
    {
        DotToken token;
        std::string from;
        std::string to;
    };

    struct EdgeRecord
    {
        std::string a;
        std::string b;
        uint32_t line;
    };

    DotLexer lexer;
    bool isDigraph{false};
    DotToken digraph;                         //!< the "digraph" keyword
    std::vector<Arrow> arrows;                //!< every "->"
    std::map<std::string, uint32_t> nodeLine; //!< first mention of each node
    std::vector<std::string> nodeOrder;       //!< nodes by first mention
    std::map<std::string, std::map<std::string, uint32_t>> attributeLine; //!< node statements
    std::map<std::string, std::map<std::string, uint32_t>> defaultLine;   //!< node [..] in force
    std::vector<EdgeRecord> edges; //!< edges as Boost expands them

  private:
    using Lines = std::map<std::string, uint32_t>; //!< attribute name -> line

    struct Member
    {
        bool subgraph;
        std::string name;
    };

    struct Subgraph
    {
        Lines nodeDefaults;
        std::vector<Member> members;
    };

    struct Endpoint
    {
        bool subgraph{false};
        std::string name;
    };

    Subgraph& Current()
    {
        return m_subgraphs[m_current];
    }

    DotToken Peek()
    {
        if (!m_havePeek)
        {
            m_peek = lexer.Get();
            m_havePeek = true;
        }
        return m_peek;
    }

    DotToken Next()
    {
        if (m_havePeek)
        {
            m_havePeek = false;
            return m_peek;
        }
        return lexer.Get();
    }

    [[noreturn]] void Error(const std::string& message)
    {
        DotToken t = Peek();
        throw DotError{
            t.line, message + " (at \"" + t.text + "\")", t.type == DotToken::END, false};
    }

    void StatementList()
    {
        while (true)
        {
            if (Peek().type == DotToken::RBRACE)
            {
                return;
            }
            Statement();
            if (Peek().type == DotToken::SEMICOLON)
            {
                Next();
            }
        }
    }

    void Statement()
    {
        switch (Peek().type)
        {
            case DotToken::NODE:
            case DotToken::EDGE:
            case DotToken::GRAPH:
                AttributeStatement();
                break;
            case DotToken::SUBGRAPH:
            case DotToken::LBRACE:
            case DotToken::ID:
            {
                DotToken id = Next();
                if (id.type == DotToken::ID && Peek().type == DotToken::EQUAL)
                {
                    Next(); // a graph attribute: ignored
                    if (Peek().type != DotToken::ID)
                    {
                        Error("Wanted identifier as right side of =");
                    }
                    Next();
                    break;
                }
                Endpoint ep = EndpointRest(id);
                if (Peek().type == DotToken::DASHDASH || Peek().type == DotToken::ARROW)
                {
                    EdgeStatement(ep);
                }
                else if (!ep.subgraph)
                {
                    Lines lines;
                    if (Peek().type == DotToken::LBRACKET)
                    {
                        AttributeList(lines);
                    }
                    for (const auto& l : lines)
                    {
                        attributeLine[ep.name][l.first] = l.second;
                    }
                    Current().members.push_back({false, ep.name});
                }
                else
                {
                    Current().members.push_back({true, ep.name});
                }
                break;
            }
            default:
                Error("Invalid start token for statement");
        }
    }

    void AttributeStatement()
    {
        DotToken keyword = Next();
        Lines lines;
        AttributeList(lines);
        if (keyword.type == DotToken::NODE)
        {
            for (const auto& l : lines)
            {
                Current().nodeDefaults[l.first] = l.second;
            }
        }
    }

    Endpoint ParseEndpoint()
    {
        switch (Peek().type)
        {
            case DotToken::SUBGRAPH:
            case DotToken::LBRACE:
            case DotToken::ID:
                return EndpointRest(Next());
            default:
                Error("Wanted \"subgraph\", \"{\", or identifier to start node or subgraph");
        }
    }

    Endpoint EndpointRest(const DotToken& first)
    {
        Endpoint ep;
        if (first.type == DotToken::SUBGRAPH || first.type == DotToken::LBRACE)
        {
            ep.subgraph = true;
            ep.name = ParseSubgraph(first);
        }
        else
        {
            ep.name = NodeAndPort(first);
        }
        return ep;
    }

    std::string ParseSubgraph(const DotToken& first)
    {
        std::string name;
        bool anonymous = true;
        if (first.type == DotToken::SUBGRAPH)
        {
            if (Peek().type == DotToken::ID)
            {
                name = Next().text;
                anonymous = false;
            }
#if BOOST_VERSION >= 108600
            else if (Peek().type != DotToken::LBRACE)
            {
                Error("Subgraph reference needs a name");
            }
#endif
        }
        if (anonymous)
        {
            name = "___subgraph_" + std::to_string(++m_anonymous);
        }
        if (m_subgraphs.find(name) == m_subgraphs.end())
        {
            Subgraph copy = Current();
            copy.members.clear();
            m_subgraphs[name] = copy;
        }
        std::string outer = m_current;
#if BOOST_VERSION >= 108600
        if (!anonymous && Peek().type != DotToken::LBRACE)
        {
            return name;
        }
        if (++m_nesting > 255)
        {
            Error("Exceeded maximum subgraph nesting level");
        }
        m_current = name;
        if (first.type != DotToken::LBRACE)
        {
            if (Peek().type == DotToken::LBRACE)
            {
                Next();
            }
            else
            {
                Error("Wanted left brace to start subgraph");
            }
        }
#else
        // Boost before 1.86 (Debian 12 has 1.74) wants a '{' after the one that opened a
        // subgraph without the keyword: "{a b}" is a syntax error there (fixed in 1.86). It has
        // no nesting limit either; this parser stops at 255 levels without calling Boost.
        if (first.type == DotToken::SUBGRAPH && Peek().type != DotToken::LBRACE)
        {
            if (anonymous)
            {
                Error("Subgraph reference needs a name");
            }
            return name;
        }
        if (++m_nesting > 255)
        {
            DotToken t = Peek();
            throw DotError{t.line, "subgraphs nested more than 255 deep", false, true};
        }
        m_current = name;
        if (Peek().type == DotToken::LBRACE)
        {
            Next();
        }
        else
        {
            Error("Wanted left brace to start subgraph");
        }
#endif
        StatementList();
        if (Peek().type == DotToken::RBRACE)
        {
            Next();
        }
        else
        {
            Error("Wanted right brace to end subgraph");
        }
        m_current = outer;
        --m_nesting;
        return name;
    }

    std::string NodeAndPort(const DotToken& first)
    {
        bool angle = false;
        bool location = false;
        while (true)
        {
            if (Peek().type == DotToken::AT)
            {
                Next();
                if (Peek().type != DotToken::ID)
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
            if (Peek().type == DotToken::COLON)
            {
                Next();
                if (location)
                {
                    Error("Duplicate port location");
                }
                if (Peek().type == DotToken::ID)
                {
                    Next();
                    location = true;
                    if (Peek().type == DotToken::COLON)
                    {
                        Next();
                        if (Peek().type != DotToken::ID)
                        {
                            Error("Wanted identifier as port location");
                        }
                        Next();
                    }
                    continue;
                }
                if (Peek().type == DotToken::LPAREN)
                {
                    Next();
                    if (Peek().type != DotToken::ID)
                    {
                        Error("Wanted identifier as first element of port location");
                    }
                    Next();
                    if (Peek().type != DotToken::COMMA)
                    {
                        Error("Wanted comma between parts of port location");
                    }
                    Next();
                    if (Peek().type != DotToken::ID)
                    {
                        Error("Wanted identifier as second element of port location");
                    }
                    Next();
                    if (Peek().type != DotToken::RPAREN)
                    {
                        Error("Wanted right parenthesis to close port location");
                    }
                    Next();
                    location = true;
                    continue;
                }
                Error("Wanted identifier or left parenthesis as start of port location");
            }
            break;
        }
        if (nodeLine.find(first.text) == nodeLine.end())
        {
            nodeLine[first.text] = first.line;
            nodeOrder.push_back(first.text);
            defaultLine[first.text] = Current().nodeDefaults;
        }
        return first.text;
    }

    void EdgeStatement(const Endpoint& lhs)
    {
        std::vector<Endpoint> chain{lhs};
        std::vector<DotToken> operators;
        while (Peek().type == DotToken::DASHDASH || Peek().type == DotToken::ARROW)
        {
            operators.push_back(Next());
            if (operators.back().type == DotToken::ARROW)
            {
                // recorded at once, so that it is rewritten even before a syntax error
                arrows.push_back({operators.back(), Display(chain.back()), ""});
            }
            chain.push_back(ParseEndpoint());
            if (operators.back().type == DotToken::ARROW)
            {
                arrows.back().to = Display(chain.back());
            }
        }
        if (Peek().type == DotToken::LBRACKET)
        {
            Lines ignored;
            AttributeList(ignored);
        }
        for (std::size_t i = 0; i + 1 < chain.size(); ++i)
        {
            for (const auto& a : Members(chain[i]))
            {
                for (const auto& b : Members(chain[i + 1]))
                {
                    if (m_strict)
                    {
                        if (a == b || !m_strictEdges.insert({a, b}).second)
                        {
                            continue;
                        }
                    }
                    edges.push_back({a, b, operators[i].line});
                }
            }
        }
    }

    static std::string Display(const Endpoint& ep)
    {
        return ep.subgraph ? std::string("{...}") : ep.name;
    }

    /// The nodes an endpoint stands for (a subgraph: its members, recursively).
    std::set<std::string> Members(const Endpoint& ep) const
    {
        std::set<std::string> result;
        std::vector<Endpoint> work{ep};
        std::set<std::string> done;
        while (!work.empty())
        {
            Endpoint e = work.back();
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
            auto it = m_subgraphs.find(e.name);
            if (it == m_subgraphs.end())
            {
                continue;
            }
            for (const auto& m : it->second.members)
            {
                Endpoint x;
                x.subgraph = m.subgraph;
                x.name = m.name;
                work.push_back(x);
            }
        }
        return result;
    }

    void AttributeList(Lines& lines)
    {
        while (true)
        {
            if (Peek().type == DotToken::LBRACKET)
            {
                Next();
            }
            else
            {
                Error("Wanted left bracket to start attribute list");
            }
            while (true)
            {
                if (Peek().type == DotToken::ID)
                {
                    DotToken name = Next();
                    if (Peek().type == DotToken::EQUAL)
                    {
                        Next();
                        if (Peek().type != DotToken::ID)
                        {
                            Error("Wanted identifier as value of attribute");
                        }
                        Next();
                    }
                    lines[name.text] = name.line;
                }
                else if (Peek().type != DotToken::RBRACKET)
                {
                    Error("Wanted identifier as name of attribute");
                }
                if (Peek().type == DotToken::COMMA || Peek().type == DotToken::SEMICOLON)
                {
                    Next();
                }
                else if (Peek().type == DotToken::RBRACKET)
                {
                    break;
                }
            }
            if (Peek().type == DotToken::RBRACKET)
            {
                Next();
            }
            else
            {
                Error("Wanted right bracket to end attribute list");
            }
            if (Peek().type != DotToken::LBRACKET)
            {
                break;
            }
        }
    }

    DotToken m_peek;
    bool m_havePeek{false};
    bool m_strict{false};
    std::set<std::pair<std::string, std::string>> m_strictEdges;
    std::map<std::string, Subgraph> m_subgraphs;
    std::string m_current{"___root___"};
    int m_anonymous{0};
    long m_nesting{0};
};

// ---------------------------------------------------------------------------------------------
// Boost's reader, with every attribute collected.

struct ReadVertex
{
    std::string id;
    std::map<std::string, std::string> attributes;
};

struct ReadEdge
{
    std::map<std::string, std::string> attributes;
};

using ReadGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, ReadVertex, ReadEdge>;
using ReadVertexId = boost::graph_traits<ReadGraph>::vertex_descriptor;
using ReadEdgeId = boost::graph_traits<ReadGraph>::edge_descriptor;

/// Name of the node id property: no DOT attribute can be called so.
const std::string kNodeIdProperty = "\x01node_id";

/// A dynamic property map made on demand for one attribute name of vertices or of edges,
/// storing into the attribute maps of the graph's bundles.
class AttributeSink : public boost::dynamic_property_map
{
  public:
    AttributeSink(ReadGraph& graph, std::string name, bool edge)
        : m_graph(graph)
        , m_name(std::move(name))
        , m_edge(edge)
    {
    }

    boost::any get(const boost::any& key) override
    {
        return boost::any(get_string(key));
    }

    std::string get_string(const boost::any& key) override
    {
        const auto& attributes = m_edge ? m_graph[boost::any_cast<ReadEdgeId>(key)].attributes
                                        : m_graph[boost::any_cast<ReadVertexId>(key)].attributes;
        auto it = attributes.find(m_name);
        return it == attributes.end() ? std::string() : it->second;
    }

    void put(const boost::any& key, const boost::any& value) override
    {
        const std::string text = boost::any_cast<std::string>(value);
        if (m_edge)
        {
            m_graph[boost::any_cast<ReadEdgeId>(key)].attributes[m_name] = text;
        }
        else
        {
            m_graph[boost::any_cast<ReadVertexId>(key)].attributes[m_name] = text;
        }
    }

    const std::type_info& key() const override
    {
        return m_edge ? typeid(ReadEdgeId) : typeid(ReadVertexId);
    }

    const std::type_info& value() const override
    {
        return typeid(std::string);
    }

  private:
    ReadGraph& m_graph;
    std::string m_name;
    bool m_edge;
};

// ---------------------------------------------------------------------------------------------
// Values.

/// GraphViz presentation attributes, allowed and ignored.
bool
IsPresentation(const std::string& name, bool edge)
{
    static const std::set<std::string> common = {"label",
                                                 "shape",
                                                 "color",
                                                 "fillcolor",
                                                 "style",
                                                 "pos",
                                                 "fontcolor",
                                                 "fontname",
                                                 "fontsize",
                                                 "comment",
                                                 "tooltip",
                                                 "xlabel",
                                                 "width",
                                                 "height",
                                                 "penwidth",
                                                 "group"};
    static const std::set<std::string> edgeOnly = {
        "len", "weight", "dir", "arrowhead", "arrowtail", "constraint"};
    return common.count(name) > 0 || (edge && edgeOnly.count(name) > 0);
}

/// Text of a number as std::istream reads it to the end: [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?
/// (`signs`: a leading sign allowed; `fraction`: '.' and exponent allowed).
bool
IsNumberText(const std::string& s, bool signs, bool fraction)
{
    std::size_t i = 0;
    const std::size_t n = s.size();
    if (signs && i < n && (s[i] == '+' || s[i] == '-'))
    {
        ++i;
    }
    std::size_t digits = 0;
    while (i < n && IsDigit(s[i]))
    {
        ++i;
        ++digits;
    }
    if (fraction && i < n && s[i] == '.')
    {
        ++i;
        while (i < n && IsDigit(s[i]))
        {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
    {
        return false;
    }
    if (fraction && i < n && (s[i] == 'e' || s[i] == 'E'))
    {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
        {
            ++i;
        }
        std::size_t exponent = 0;
        while (i < n && IsDigit(s[i]))
        {
            ++i;
            ++exponent;
        }
        if (exponent == 0)
        {
            return false;
        }
    }
    return i == n;
}

double
ReadDouble(const std::string& s)
{
    std::istringstream in(s);
    in.imbue(std::locale::classic());
    double v = 0;
    in >> v;
    return v;
}

const char* const kTimeForm = "expected a time such as \"20ms\": a number and a unit among s, ms, "
                              "us, ns, ps, fs, min, h, d, y (none: seconds)";
const char* const kRateForm = "expected a data rate such as \"2Mbps\": a number and a unit among "
                              "bps, kbps, Mbps, Gbps (bits) or Bps, kBps, MBps, GBps (bytes)";

/// A time as ns-3's Time(std::string) reads it without aborting: a number and an optional unit.
bool
IsTimeText(const std::string& s, double& seconds)
{
    static const std::vector<std::pair<std::string, double>> units = {{"s", 1},
                                                                      {"ms", 1e-3},
                                                                      {"us", 1e-6},
                                                                      {"ns", 1e-9},
                                                                      {"ps", 1e-12},
                                                                      {"fs", 1e-15},
                                                                      {"min", 60},
                                                                      {"h", 3600},
                                                                      {"d", 86400},
                                                                      {"y", 365 * 86400.0}};
    // Time(std::string) splits where the first character outside "+-0123456789.eE" is.
    std::size_t split = s.find_first_not_of("+-0123456789.eE");
    std::string number = s.substr(0, split);
    std::string unit = split == std::string::npos ? "" : s.substr(split);
    if (!IsNumberText(number, true, true))
    {
        return false;
    }
    double factor = unit.empty() ? 1 : 0;
    for (const auto& u : units)
    {
        if (u.first == unit)
        {
            factor = u.second;
        }
    }
    if (factor == 0)
    {
        return false;
    }
    seconds = ReadDouble(number) * factor;
    // Time holds a signed 64-bit count of nanoseconds (about 292 years).
    return std::isfinite(seconds) && std::fabs(seconds) < 9.2e9;
}

/// A data rate as DataRate's operator>> reads it (failing, not aborting, on an unknown unit).
bool
ReadRate(const std::string& s, uint64_t& bps)
{
    std::istringstream in(s);
    DataRate rate;
    in >> rate;
    if (in.fail())
    {
        return false;
    }
    bps = rate.GetBitRate();
    return true;
}

/// A data rate as DataRate reads it: a number (digits and one '.') and a unit; an integer
/// without unit is bit/s. Also refused: rates beyond 64 bits.
bool
IsRateText(const std::string& s, uint64_t& bps)
{
    std::size_t split = s.find_first_not_of("0123456789.");
    std::string number = s.substr(0, split);
    std::string unit = split == std::string::npos ? "" : s.substr(split);
    if (!IsNumberText(number, false, !unit.empty())
        || number.find_first_of("eE") != std::string::npos)
    {
        return false;
    }
    uint64_t factor = 1;
    if (!unit.empty() && !ReadRate("1" + unit, factor))
    {
        return false;
    }
    const double value = ReadDouble(number) * static_cast<double>(factor);
    if (!std::isfinite(value) || value >= 1.8e19)
    {
        return false;
    }
    return ReadRate(s, bps);
}

/// "from 1 to 4294967295" out of a numeric checker's "uint32_t 1:4294967295".
std::string
RangeText(Ptr<const AttributeChecker> checker, bool whole)
{
    std::string kind = whole ? "a whole number" : "a number";
    if (!checker->HasUnderlyingTypeInformation())
    {
        return kind;
    }
    const std::string info = checker->GetUnderlyingTypeInformation();
    std::size_t space = info.rfind(' ');
    std::size_t colon = info.find(':', space == std::string::npos ? 0 : space);
    if (space == std::string::npos || colon == std::string::npos)
    {
        return kind;
    }
    std::string min = info.substr(space + 1, colon - space - 1);
    std::string max = info.substr(colon + 1);
    const bool hasMin = whole || std::fabs(ReadDouble(min)) < 1e300;
    const bool hasMax = whole || std::fabs(ReadDouble(max)) < 1e300;
    if (hasMin && hasMax)
    {
        return kind + " from " + min + " to " + max;
    }
    if (hasMin)
    {
        return kind + " of at least " + min;
    }
    if (hasMax)
    {
        return kind + " of at most " + max;
    }
    return kind;
}

/// An attribute of a TypeId or of its parents. Unlike TypeId::LookupAttributeByName this does
/// not abort on an obsolete attribute, nor print to std::cerr on a deprecated one.
bool
FindAttribute(TypeId tid, const std::string& name, TypeId::AttributeInformation& info)
{
    TypeId t = tid;
    while (true)
    {
        for (std::size_t i = 0; i < t.GetAttributeN(); ++i)
        {
            TypeId::AttributeInformation a = t.GetAttribute(i);
            if (a.name == name)
            {
                info = a;
                return true;
            }
        }
        TypeId parent = t.GetParent();
        if (parent == t)
        {
            return false;
        }
        t = parent;
    }
}

bool CheckValue(const TypeId::AttributeInformation& info,
                const std::string& value,
                std::string& reason,
                int depth);

/// "TypeName" or "TypeName[Name=value|Name=value]" as ns-3's ObjectFactory reads it, checked
/// without letting it abort: the TypeId exists, is `base` or a child of it (when given) and can
/// be created; each attribute exists and its value is valid.
bool
CheckFactory(const std::string& text, const TypeId* base, std::string& reason, int depth)
{
    const std::string form = "expected a type name such as ns3::ExponentialRandomVariable, "
                             "optionally followed by [Name=value|Name=value]";
    if (text.empty() || std::any_of(text.begin(), text.end(), IsSpace))
    {
        reason = form;
        return false;
    }
    std::string name = text;
    std::string parameters;
    const std::size_t open = text.find('[');
    const std::size_t close = text.find(']');
    if (open != std::string::npos || close != std::string::npos)
    {
        if (open == std::string::npos || close == std::string::npos || close < open
            || close + 1 != text.size())
        {
            reason = form;
            return false;
        }
        name = text.substr(0, open);
        parameters = text.substr(open + 1, close - open - 1);
    }
    TypeId tid;
    if (name.empty() || !TypeId::LookupByNameFailSafe(name, &tid))
    {
        reason = "no ns-3 type is named " + name;
        return false;
    }
    if (base != nullptr && tid != *base && !tid.IsChildOf(*base))
    {
        reason = name + " is not a kind of " + base->GetName();
        return false;
    }
    if (!tid.HasConstructor())
    {
        reason = name + " cannot be created (it has no constructor)";
        return false;
    }
    std::size_t cur = 0;
    while (cur != parameters.size())
    {
        const std::size_t bar = parameters.find('|', cur);
        const std::string item =
            parameters.substr(cur, bar == std::string::npos ? std::string::npos : bar - cur);
        cur = bar == std::string::npos ? parameters.size() : bar + 1;
        const std::size_t equal = item.find('=');
        if (equal == std::string::npos || equal == 0)
        {
            reason = "\"" + item + "\" in the brackets is not Name=value";
            return false;
        }
        const std::string attribute = item.substr(0, equal);
        const std::string value = item.substr(equal + 1);
        TypeId::AttributeInformation info;
        if (!FindAttribute(tid, attribute, info))
        {
            reason = name + " has no attribute " + attribute;
            return false;
        }
        if (info.supportLevel == TypeId::OBSOLETE)
        {
            reason = attribute + " of " + name + " is obsolete";
            return false;
        }
        if ((info.flags & TypeId::ATTR_CONSTRUCT) == 0)
        {
            reason = attribute + " of " + name + " cannot be set";
            return false;
        }
        std::string inner;
        if (depth >= 4 || !CheckValue(info, value, inner, depth + 1))
        {
            reason = attribute + " \"" + value + "\" of " + name + ": " + inner;
            return false;
        }
    }
    return true;
}

/**
 * Check that an attribute value given as text is one ns-3 accepts, without calling anything
 * that aborts on bad text: the text is checked first for each kind of value, and only text that
 * reads to its end is then deserialized and range-checked. Values of other kinds are refused.
 */
bool
CheckValue(const TypeId::AttributeInformation& info,
           const std::string& value,
           std::string& reason,
           int depth)
{
    Ptr<AttributeValue> probe = info.checker->Create();
    const AttributeValue* v = PeekPointer(probe);
    std::string expected;
    if (dynamic_cast<const StringValue*>(v) != nullptr)
    {
        return true; // any text (StringValue(text) is set as is, never deserialized)
    }
    else if (dynamic_cast<const BooleanValue*>(v) != nullptr)
    {
        expected = "expected true or false";
    }
    else if (dynamic_cast<const UintegerValue*>(v) != nullptr)
    {
        expected = "expected " + RangeText(info.checker, true);
        if (!IsNumberText(value, false, false))
        {
            reason = expected;
            return false;
        }
    }
    else if (dynamic_cast<const IntegerValue*>(v) != nullptr)
    {
        expected = "expected " + RangeText(info.checker, true);
        if (!IsNumberText(value, true, false))
        {
            reason = expected;
            return false;
        }
    }
    else if (dynamic_cast<const DoubleValue*>(v) != nullptr)
    {
        expected = "expected " + RangeText(info.checker, false);
        if (!IsNumberText(value, true, true))
        {
            reason = expected;
            return false;
        }
    }
    else if (dynamic_cast<const EnumValue*>(v) != nullptr)
    {
        // EnumChecker::GetValue asserts on an unknown name: look it up here.
        std::vector<std::string> names;
        std::istringstream list(info.checker->GetUnderlyingTypeInformation());
        std::string n;
        while (std::getline(list, n, '|'))
        {
            names.push_back(n);
        }
        if (std::find(names.begin(), names.end(), value) == names.end())
        {
            reason = "expected one of " + Join(names, ", ");
            return false;
        }
        expected = "expected one of " + Join(names, ", ");
    }
    else if (dynamic_cast<const TimeValue*>(v) != nullptr)
    {
        double seconds = 0;
        if (!IsTimeText(value, seconds))
        {
            reason = kTimeForm;
            return false;
        }
        expected = "out of range (" + info.checker->GetUnderlyingTypeInformation() + ")";
    }
    else if (dynamic_cast<const DataRateValue*>(v) != nullptr)
    {
        uint64_t bps = 0;
        if (!IsRateText(value, bps))
        {
            reason = kRateForm;
            return false;
        }
        expected = kRateForm;
    }
    else if (dynamic_cast<const PointerValue*>(v) != nullptr)
    {
        const auto* pointer = dynamic_cast<const PointerChecker*>(PeekPointer(info.checker));
        if (pointer == nullptr)
        {
            return CheckFactory(value, nullptr, reason, depth);
        }
        TypeId pointee = pointer->GetPointeeTypeId();
        return CheckFactory(value, &pointee, reason, depth);
    }
    else if (dynamic_cast<const ObjectFactoryValue*>(v) != nullptr)
    {
        return CheckFactory(value, nullptr, reason, depth);
    }
    else
    {
        reason = "values of type " + info.checker->GetValueTypeName()
                 + " cannot be set from a scenario file";
        return false;
    }
    // The text reads to its end now, so deserializing it cannot abort.
    if (!probe->DeserializeFromString(value, info.checker) || !info.checker->Check(*probe))
    {
        reason = expected;
        return false;
    }
    return true;
}

/// Where a named attribute of a vertex of this kind goes, in lookup order.
struct AttributeTarget
{
    MmsScenario::Target target;
    TypeId tid;
};

std::vector<AttributeTarget>
TargetsOf(MmsScenario::Kind kind)
{
    std::vector<std::pair<MmsScenario::Target, const char*>> names;
    switch (kind)
    {
        case MmsScenario::RELAY:
            names = {{MmsScenario::ELEMENT, "ns3::MmsRelay"}};
            break;
        case MmsScenario::SERVER:
            names = {{MmsScenario::ELEMENT, "ns3::MmsServer"}};
            break;
        case MmsScenario::PPG:
            names = {{MmsScenario::ELEMENT, "ns3::MmsWapPushProxyGateway"}};
            break;
        case MmsScenario::SMSC:
            names = {{MmsScenario::ELEMENT, "ns3::MmsSmsc"}};
            break;
        case MmsScenario::CELL:
            names = {{MmsScenario::CELL_CHANNEL, "ns3::MmsRadioCellChannel"},
                     {MmsScenario::CELL_PROFILE, "ns3::MmsRadioBearerProfile"},
                     {MmsScenario::USER_AGENT, "ns3::MmsUserAgent"},
                     {MmsScenario::TRAFFIC_MODEL, "ns3::MmsTrafficModel"}};
            break;
        case MmsScenario::ROUTER:
            break;
    }
    std::vector<AttributeTarget> targets;
    for (const auto& n : names)
    {
        TypeId tid;
        if (TypeId::LookupByNameFailSafe(n.second, &tid)) // MmsTrafficModel may be absent
        {
            targets.push_back({n.first, tid});
        }
    }
    return targets;
}

/// Attributes the scenario builder sets from the graph.
bool
IsReserved(MmsScenario::Kind kind, MmsScenario::Target target, const std::string& name)
{
    static const std::set<std::string> userAgent = {
        "Msisdn", "RelayAddress", "RelayHost", "RelayPath", "SmsPort"};
    static const std::set<std::string> relay = {"ServerAddress", "PpgAddress", "PpgPath"};
    switch (target)
    {
        case MmsScenario::USER_AGENT:
            return userAgent.count(name) > 0;
        case MmsScenario::CELL_PROFILE:
            return name == "Preset"; // the cell's bearer
        case MmsScenario::ELEMENT:
            return (kind == MmsScenario::RELAY && relay.count(name) > 0)
                   || (kind == MmsScenario::PPG && name == "SmscAddress");
        default:
            return false;
    }
}

const std::vector<std::string>&
KindNames()
{
    static const std::vector<std::string> names = {
        "relay", "server", "ppg", "smsc", "router", "cell"};
    return names;
}

const uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();
const uint32_t kMaxSubscribers = 10000000;

/// Cost of a path: summed delay, then hops.
struct Cost
{
    int64_t ns{0};
    uint32_t hops{0};

    bool operator==(const Cost& o) const
    {
        return ns == o.ns && hops == o.hops;
    }
};

struct CostLess
{
    bool operator()(const Cost& a, const Cost& b) const
    {
        return a.ns != b.ns ? a.ns < b.ns : a.hops < b.hops;
    }
};

struct CostPlus
{
    Cost operator()(const Cost& a, const Cost& b) const
    {
        return Cost{a.ns + b.ns, a.hops + b.hops};
    }
};

const Cost kUnreachable{std::numeric_limits<int64_t>::max(), std::numeric_limits<uint32_t>::max()};

/// Problems found, each at a line (0: unknown).
class Problems
{
  public:
    void Add(uint32_t line, const std::string& what, const std::string& problem)
    {
        m_list.push_back({line, what + ": " + problem});
    }

    bool Empty() const
    {
        return m_list.empty();
    }

    /// "<origin>:<line>: <what>: <problem>", by line (problems of no line last), appended.
    void Flush(const std::string& origin, std::vector<std::string>& errors)
    {
        std::stable_sort(m_list.begin(),
                         m_list.end(),
                         [](const Item& a, const Item& b)
                         {
                             const uint32_t la = a.line == 0 ? kNoVertex : a.line;
                             const uint32_t lb = b.line == 0 ? kNoVertex : b.line;
                             return la < lb;
                         });
        for (const auto& i : m_list)
        {
            errors.push_back(origin + (i.line > 0 ? ":" + std::to_string(i.line) : "") + ": "
                             + i.text);
        }
        m_list.clear();
    }

  private:
    struct Item
    {
        uint32_t line;
        std::string text;
    };

    std::vector<Item> m_list;
};

/// Steps 3 to 5 of reading a scenario: the checks of the nodes, the links and the graph as a
/// whole, on the graph Boost read, filling the scenario's vertices and edges.
class GraphChecker
{
  public:
    using Kind = MmsScenario::Kind;
    using Vertex = MmsScenario::Vertex;
    using Edge = MmsScenario::Edge;

    GraphChecker(const DotParser& dot,
                 const ReadGraph& graph,
                 Problems& problems,
                 std::vector<Vertex>& vertices,
                 std::vector<Edge>& edges)
        : m_dot(dot)
        , m_graph(graph)
        , m_problems(problems)
        , m_vertices(vertices)
        , m_edges(edges)
    {
    }

    void Run()
    {
        CollectVertices();
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            const auto& attributes = m_graph[m_byName.at(m_vertices[i].name)].attributes;
            CheckKind(i, attributes);
            if (m_kindKnown[i] && m_vertices[i].kind == MmsScenario::CELL)
            {
                CheckCell(i, attributes);
            }
            if (m_kindKnown[i])
            {
                CheckAttributes(i, attributes);
            }
        }
        for (auto es = boost::edges(m_graph); es.first != es.second; ++es.first)
        {
            CheckEdge(*es.first);
        }
        CheckWhole();
    }

  private:
    using Attributes = std::map<std::string, std::string>;

    /// The vertices in the order the file first names them.
    void CollectVertices()
    {
        for (auto vs = boost::vertices(m_graph); vs.first != vs.second; ++vs.first)
        {
            m_byName[m_graph[*vs.first].id] = *vs.first;
        }
        std::vector<std::string> order;
        for (const auto& n : m_dot.nodeOrder)
        {
            if (m_byName.count(n) > 0)
            {
                order.push_back(n);
            }
        }
        for (const auto& n : m_byName) // (none, unless the scanner missed one)
        {
            if (std::find(order.begin(), order.end(), n.first) == order.end())
            {
                order.push_back(n.first);
            }
        }
        for (const auto& name : order)
        {
            Vertex v;
            v.name = name;
            auto line = m_dot.nodeLine.find(name);
            v.line = line == m_dot.nodeLine.end() ? 0 : line->second;
            m_index[name] = static_cast<uint32_t>(m_vertices.size());
            m_vertices.push_back(v);
            m_kindKnown.push_back(false);
        }
        m_degree.assign(m_vertices.size(), 0);
    }

    /// Where an attribute of a vertex is set: its node statement, else the "node [...]" default
    /// in force where the node was first named, else the node's first line.
    uint32_t AttributeLine(const Vertex& v, const std::string& attribute) const
    {
        auto n = m_dot.attributeLine.find(v.name);
        if (n != m_dot.attributeLine.end() && n->second.count(attribute) > 0)
        {
            return n->second.at(attribute);
        }
        auto d = m_dot.defaultLine.find(v.name);
        if (d != m_dot.defaultLine.end() && d->second.count(attribute) > 0)
        {
            return d->second.at(attribute);
        }
        return v.line;
    }

    /// "cell c12", or "node x" while its kind is unknown.
    std::string What(uint32_t i) const
    {
        return (m_kindKnown[i] ? MmsScenario::KindName(m_vertices[i].kind) : std::string("node"))
               + " " + m_vertices[i].name;
    }

    void CheckKind(uint32_t i, const Attributes& attributes)
    {
        Vertex& v = m_vertices[i];
        auto kind = attributes.find("kind");
        if (kind == attributes.end())
        {
            m_problems.Add(
                v.line, What(i), "no kind (add kind=relay, server, ppg, smsc, router or cell)");
            return;
        }
        const auto& names = KindNames();
        auto k = std::find(names.begin(), names.end(), Lower(kind->second));
        if (k == names.end())
        {
            m_problems.Add(AttributeLine(v, "kind"),
                           What(i),
                           "kind \"" + kind->second + "\" is not valid: expected one of "
                               + Join(names, ", "));
            return;
        }
        v.kind = static_cast<Kind>(k - names.begin());
        m_kindKnown[i] = true;
    }

    void CheckCell(uint32_t i, const Attributes& attributes)
    {
        Vertex& v = m_vertices[i];
        const std::string what = What(i);
        auto s = attributes.find("subscribers");
        if (s == attributes.end())
        {
            m_problems.Add(v.line, what, "no subscribers (add subscribers=<count>)");
        }
        else if (!IsNumberText(s->second, false, false) || s->second.size() > 9
                 || std::stoul(s->second) < 1 || std::stoul(s->second) > kMaxSubscribers)
        {
            m_problems.Add(AttributeLine(v, "subscribers"),
                           what,
                           "subscribers \"" + s->second
                               + "\" is not valid: expected a whole number from 1 to "
                               + std::to_string(kMaxSubscribers));
        }
        else
        {
            v.subscribers = static_cast<uint32_t>(std::stoul(s->second));
        }
        const std::vector<std::string> presets = MmsBearerProfile::PresetNames();
        auto b = attributes.find("bearer");
        if (b == attributes.end())
        {
            m_problems.Add(v.line,
                           what,
                           "no bearer (add bearer=\"<profile>\" with a profile among "
                               + Join(presets, ", ") + ")");
            return;
        }
        auto p = std::find_if(presets.begin(),
                              presets.end(),
                              [&b](const std::string& x)
                              {
                                  return Lower(x) == Lower(b->second);
                              });
        if (p == presets.end())
        {
            m_problems.Add(AttributeLine(v, "bearer"),
                           what,
                           "bearer \"" + b->second + "\" is not valid: expected one of "
                               + Join(presets, ", "));
            return;
        }
        v.bearer = *p;
    }

    /// The ns-3 attributes of a vertex of known kind, in the order the file sets them.
    void CheckAttributes(uint32_t i, const Attributes& attributes)
    {
        Vertex& v = m_vertices[i];
        const std::string what = What(i);
        std::vector<std::pair<uint32_t, std::string>> named;
        for (const auto& a : attributes)
        {
            named.emplace_back(AttributeLine(v, a.first), a.first);
        }
        std::sort(named.begin(), named.end());
        const std::vector<AttributeTarget> targets = TargetsOf(v.kind);
        for (const auto& n : named)
        {
            const uint32_t line = n.first;
            const std::string& name = n.second;
            const std::string& value = attributes.at(name);
            if (name == "kind" || IsPresentation(name, false))
            {
                continue;
            }
            if (name == "subscribers" || name == "bearer")
            {
                if (v.kind != MmsScenario::CELL)
                {
                    m_problems.Add(line, what, name + " is only for cells");
                }
                continue;
            }
            TypeId::AttributeInformation info;
            const AttributeTarget* found = nullptr;
            for (const auto& t : targets)
            {
                if (FindAttribute(t.tid, name, info))
                {
                    found = &t;
                    break;
                }
            }
            if (found == nullptr)
            {
                std::string types;
                for (std::size_t t = 0; t < targets.size(); ++t)
                {
                    types += (t == 0                    ? ""
                              : t + 1 == targets.size() ? " or "
                                                        : ", ")
                             + targets[t].tid.GetName();
                }
                m_problems.Add(line,
                               what,
                               "unknown attribute \"" + name + "\""
                                   + (targets.empty()
                                          ? std::string(" (a router takes only kind and GraphViz "
                                                        "presentation attributes)")
                                          : " (neither a GraphViz presentation attribute nor an "
                                            "attribute of "
                                                + types + ")"));
                continue;
            }
            const std::string owner = found->tid.GetName();
            std::string reason;
            if (IsReserved(v.kind, found->target, name))
            {
                m_problems.Add(line, what, name + " is set from the graph");
            }
            else if (info.supportLevel == TypeId::OBSOLETE)
            {
                m_problems.Add(line, what, name + " of " + owner + " is obsolete");
            }
            else if ((info.flags & TypeId::ATTR_SET) == 0)
            {
                m_problems.Add(line, what, name + " of " + owner + " cannot be set (read-only)");
            }
            else if (!CheckValue(info, value, reason, 0))
            {
                m_problems.Add(line, what, name + " \"" + value + "\" is not valid: " + reason);
            }
            else
            {
                v.settings.push_back({found->target, name, value});
            }
        }
    }

    /// Line of the k-th edge Boost made between two nodes: that of the k-th "--" the scanner
    /// saw between them (edges through a subgraph are expanded alike).
    uint32_t EdgeLine(const std::string& a, const std::string& b)
    {
        if (m_edgeLines.empty())
        {
            for (const auto& e : m_dot.edges)
            {
                m_edgeLines[std::minmax(e.a, e.b)].push_back(e.line);
            }
        }
        const auto key = std::minmax(a, b);
        const std::size_t occurrence = m_edgeSeen[key]++;
        auto lines = m_edgeLines.find(key);
        if (lines == m_edgeLines.end())
        {
            return 0;
        }
        return lines->second[std::min(occurrence, lines->second.size() - 1)];
    }

    void CheckEdge(ReadEdgeId id)
    {
        const std::string& an = m_graph[boost::source(id, m_graph)].id;
        const std::string& bn = m_graph[boost::target(id, m_graph)].id;
        Edge e;
        e.line = EdgeLine(an, bn);
        e.a = m_index.at(an);
        e.b = m_index.at(bn);
        const std::string what = "edge " + an + " -- " + bn;
        ++m_degree[e.a];
        ++m_degree[e.b];
        if (e.a == e.b)
        {
            m_problems.Add(e.line, what, "links " + an + " to itself");
        }
        else
        {
            auto ends = std::minmax(e.a, e.b);
            auto first = m_firstLink.find(ends);
            if (first != m_firstLink.end())
            {
                m_problems.Add(e.line,
                               what,
                               "a second link between " + an + " and " + bn
                                   + (first->second > 0 ? " (the first is on line "
                                                              + std::to_string(first->second) + ")"
                                                        : std::string()));
            }
            else
            {
                m_firstLink[ends] = e.line;
            }
            m_links.emplace_back(e.a, e.b);
            if (m_kindKnown[e.a] && m_kindKnown[e.b] && m_vertices[e.a].kind == MmsScenario::CELL
                && m_vertices[e.b].kind == MmsScenario::CELL)
            {
                m_problems.Add(
                    e.line, what, "links two cells (a cell links to routers and network elements)");
            }
        }
        const Attributes& attributes = m_graph[id].attributes;
        auto rate = attributes.find("rate");
        uint64_t bps = 0;
        if (rate == attributes.end())
        {
            m_problems.Add(e.line, what, "no rate (add rate=\"2Mbps\" or another data rate)");
        }
        else if (!IsRateText(rate->second, bps))
        {
            m_problems.Add(
                e.line, what, "rate \"" + rate->second + "\" is not valid: " + kRateForm);
        }
        else if (bps == 0)
        {
            m_problems.Add(e.line,
                           what,
                           "rate \"" + rate->second
                               + "\" is not valid: a link rate must be positive");
        }
        else
        {
            e.rate = rate->second;
        }
        auto delay = attributes.find("delay");
        double seconds = 0;
        if (delay == attributes.end())
        {
            m_problems.Add(e.line, what, "no delay (add delay=\"10ms\" or another time)");
        }
        else if (!IsTimeText(delay->second, seconds))
        {
            m_problems.Add(
                e.line, what, "delay \"" + delay->second + "\" is not valid: " + kTimeForm);
        }
        else if (seconds < 0)
        {
            m_problems.Add(e.line,
                           what,
                           "delay \"" + delay->second
                               + "\" is not valid: a link delay cannot be negative");
        }
        else
        {
            e.delay = delay->second;
            e.delaySeconds = Time(delay->second).GetSeconds(); // checked: cannot abort
        }
        auto loss = attributes.find("loss");
        if (loss != attributes.end())
        {
            const double p = IsNumberText(loss->second, true, true) ? ReadDouble(loss->second) : -1;
            if (p >= 0 && p < 1)
            {
                e.loss = p;
            }
            else
            {
                m_problems.Add(e.line,
                               what,
                               "loss \"" + loss->second
                                   + "\" is not valid: expected a probability from 0 up to, not "
                                     "including, 1");
            }
        }
        for (const auto& a : attributes)
        {
            if (a.first != "rate" && a.first != "delay" && a.first != "loss"
                && !IsPresentation(a.first, true))
            {
                m_problems.Add(e.line,
                               what,
                               "unknown attribute \"" + a.first
                                   + "\" (a link takes rate, delay, loss and GraphViz "
                                     "presentation attributes)");
            }
        }
        m_edges.push_back(e);
    }

    /// No isolated node; at least one element of each kind; every cell reaches a relay, a PPG
    /// and an SMSC, every relay a server (and, in a part of the network without cells, a PPG and
    /// an SMSC). Links are undirected, so "reaches" is "in the same connected component".
    void CheckWhole()
    {
        std::vector<uint32_t> count(KindNames().size(), 0);
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            if (m_degree[i] == 0)
            {
                m_problems.Add(m_vertices[i].line, What(i), "is not linked to anything");
            }
            if (m_kindKnown[i])
            {
                ++count[m_vertices[i].kind];
            }
        }
        // (Not when a node's kind is missing or wrong: that node may be the one meant.)
        const bool allKinds =
            std::find(m_kindKnown.begin(), m_kindKnown.end(), false) == m_kindKnown.end();
        for (Kind k : {MmsScenario::RELAY,
                       MmsScenario::SERVER,
                       MmsScenario::PPG,
                       MmsScenario::SMSC,
                       MmsScenario::CELL})
        {
            if (count[k] == 0 && allKinds)
            {
                m_problems.Add(0,
                               "scenario",
                               "no " + MmsScenario::KindName(k)
                                   + " (a scenario needs at least one relay, server, ppg, smsc "
                                     "and cell)");
            }
        }
        // Connected components (union-find).
        std::vector<uint32_t> parent(m_vertices.size());
        for (uint32_t i = 0; i < parent.size(); ++i)
        {
            parent[i] = i;
        }
        auto root = [&parent](uint32_t x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        };
        for (const auto& l : m_links)
        {
            parent[root(l.first)] = root(l.second);
        }
        std::map<uint32_t, std::set<Kind>> kindsIn; // component -> kinds present
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            if (m_kindKnown[i])
            {
                kindsIn[root(i)].insert(m_vertices[i].kind);
            }
        }
        for (uint32_t i = 0; i < m_vertices.size(); ++i)
        {
            if (!m_kindKnown[i] || m_degree[i] == 0)
            {
                continue;
            }
            const std::set<Kind>& present = kindsIn[root(i)];
            std::vector<Kind> needed;
            if (m_vertices[i].kind == MmsScenario::CELL)
            {
                needed = {MmsScenario::RELAY, MmsScenario::PPG, MmsScenario::SMSC};
            }
            else if (m_vertices[i].kind == MmsScenario::RELAY)
            {
                needed = {MmsScenario::SERVER};
                if (present.count(MmsScenario::CELL) == 0) // else said of the cells
                {
                    needed.push_back(MmsScenario::PPG);
                    needed.push_back(MmsScenario::SMSC);
                }
            }
            for (Kind k : needed)
            {
                if (present.count(k) == 0 && count[k] > 0) // (none at all: said above)
                {
                    m_problems.Add(
                        m_vertices[i].line, What(i), "reaches no " + MmsScenario::KindName(k));
                }
            }
        }
    }

    const DotParser& m_dot;
    const ReadGraph& m_graph;
    Problems& m_problems;
    std::vector<Vertex>& m_vertices;
    std::vector<Edge>& m_edges;
    std::map<std::string, ReadVertexId> m_byName;
    std::map<std::string, uint32_t> m_index; //!< vertex index by name
    std::vector<bool> m_kindKnown;
    std::vector<uint32_t> m_degree;
    std::vector<std::pair<uint32_t, uint32_t>> m_links; //!< endpoints of links (no self loops)
    std::map<std::pair<uint32_t, uint32_t>, uint32_t> m_firstLink; //!< -> its line
    std::map<std::pair<std::string, std::string>, std::vector<uint32_t>> m_edgeLines;
    std::map<std::pair<std::string, std::string>, std::size_t> m_edgeSeen;
};

} // namespace

// ---------------------------------------------------------------------------------------------

std::string
MmsScenario::KindName(Kind kind)
{
    return KindNames().at(static_cast<std::size_t>(kind));
}

bool
MmsScenario::Load(const std::string& path, std::vector<std::string>& errors)
{
    NS_LOG_FUNCTION(this << path);
    Clear();
    errno = 0;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
    {
        errors.push_back(path + ": cannot read the file (" + std::strerror(errno) + ")");
        return false;
    }
    std::string text;
    char buffer[65536];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof(buffer), f)) > 0)
    {
        text.append(buffer, got);
    }
    const bool failed = std::ferror(f) != 0;
    const int error = errno;
    std::fclose(f);
    if (failed)
    {
        errors.push_back(path + ": cannot read the file (" + std::strerror(error) + ")");
        return false;
    }
    return Parse(text, path, errors);
}

void
MmsScenario::Clear()
{
    m_origin.clear();
    m_vertices.clear();
    m_edges.clear();
    m_firstEdge.clear();
    m_distance.clear();
    m_mmses.clear();
    m_servingRelay.clear();
}

bool
MmsScenario::Parse(const std::string& text,
                   const std::string& origin,
                   std::vector<std::string>& errors)
{
    NS_LOG_FUNCTION(this << origin);
    Clear();
    Problems problems;

    // 1. Syntax, and where things are.
    DotParser dot(text);
    bool scanned = true;
    DotError syntax{0, "", false, false};
    try
    {
        dot.Run();
    }
    catch (const DotError& e)
    {
        scanned = false;
        syntax = e;
    }

    // Links are undirected: a digraph or "->" is an error, but the rest can still be checked
    // with the keyword and the arrows read as "graph" and "--" (same length, same lines).
    // (Also before a syntax error, so that Boost stops at that error and not at the keyword.)
    std::string undirected = text;
    if (dot.isDigraph)
    {
        problems.Add(dot.digraph.line,
                     "graph",
                     "links are undirected: write \"graph\" instead of \"digraph\"");
        undirected.replace(dot.digraph.begin,
                           dot.digraph.end - dot.digraph.begin,
                           std::string(dot.digraph.end - dot.digraph.begin - 5, ' ') + "graph");
    }
    for (const auto& a : dot.arrows)
    {
        problems.Add(a.token.line,
                     "edge " + a.from + " -> " + a.to,
                     "links are undirected: write \"--\" instead of \"->\"");
        undirected.replace(a.token.begin, 2, "--");
    }

    // 2. The graph, read by Boost.
    ReadGraph graph;
    boost::dynamic_properties properties(
        [&graph](const std::string& name,
                 const boost::any& key,
                 const boost::any&) -> boost::shared_ptr<boost::dynamic_property_map>
        {
            if (key.type() == typeid(ReadVertexId))
            {
                return boost::make_shared<AttributeSink>(graph, name, false);
            }
            if (key.type() == typeid(ReadEdgeId))
            {
                return boost::make_shared<AttributeSink>(graph, name, true);
            }
            return boost::shared_ptr<boost::dynamic_property_map>(); // graph attributes: ignored
        });
    properties.property(kNodeIdProperty, boost::get(&ReadVertex::id, graph));
    std::string boostError;
    try
    {
        if (!scanned && syntax.ownOnly)
        {
            throw std::runtime_error(syntax.message);
        }
        boost::read_graphviz(undirected, graph, properties, kNodeIdProperty);
    }
    catch (const std::exception& e)
    {
        boostError = e.what();
    }
    if (!scanned && boostError.empty())
    {
        NS_LOG_WARN(origin << ":" << syntax.line
                           << ": the scanner sees a syntax error Boost does "
                              "not: "
                           << syntax.message);
    }
    if (!boostError.empty())
    {
        Problems syntaxOnly;
        if (!scanned && syntax.atEnd)
        {
            boostError += " (the file ends here: is a closing } missing?)";
        }
        syntaxOnly.Add(scanned ? 0 : syntax.line, "syntax error", boostError);
        syntaxOnly.Flush(origin, errors);
        return false;
    }
    if (!dot.lexer.unquoted.empty())
    {
        Problems syntaxOnly;
        for (const auto& u : dot.lexer.unquoted)
        {
            syntaxOnly.Add(u.line,
                           "syntax error",
                           u.word + " must be written in double quotes (\"" + u.word
                               + "\"): without them DOT reads " + u.number
                               + " and what follows as two words");
        }
        syntaxOnly.Flush(origin, errors);
        return false;
    }

    // 3-5. Nodes, links, the graph as a whole.
    GraphChecker(dot, graph, problems, m_vertices, m_edges).Run();

    if (!problems.Empty())
    {
        problems.Flush(origin, errors);
        Clear();
        return false;
    }
    m_origin = origin;
    ComputeRoutes();
    return true;
}

void
MmsScenario::ComputeRoutes()
{
    const uint32_t n = static_cast<uint32_t>(m_vertices.size());
    using RouteGraph = boost::adjacency_list<boost::vecS,
                                             boost::vecS,
                                             boost::undirectedS,
                                             boost::no_property,
                                             boost::property<boost::edge_weight_t, Cost>>;
    RouteGraph g(n);
    std::vector<Cost> weight(m_edges.size());
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> incident(n); // (neighbour, edge)
    for (uint32_t e = 0; e < m_edges.size(); ++e)
    {
        weight[e] = Cost{Time(m_edges[e].delay).GetNanoSeconds(), 1};
        boost::add_edge(m_edges[e].a, m_edges[e].b, weight[e], g);
        incident[m_edges[e].a].emplace_back(m_edges[e].b, e);
        incident[m_edges[e].b].emplace_back(m_edges[e].a, e);
    }
    std::vector<std::vector<Cost>> cost(n, std::vector<Cost>(n, kUnreachable));
    for (uint32_t s = 0; s < n; ++s)
    {
        boost::dijkstra_shortest_paths(
            g,
            s,
            boost::distance_map(boost::make_iterator_property_map(
                                    cost[s].begin(), boost::get(boost::vertex_index, g)))
                .distance_compare(CostLess())
                .distance_combine(CostPlus())
                .distance_inf(kUnreachable)
                .distance_zero(Cost{0, 0}));
    }
    // First hops: to the lowest-index neighbour on a shortest path (by delay, then hops).
    m_firstEdge.assign(n, std::vector<int32_t>(n, -1));
    m_distance.assign(n, std::vector<double>(n, std::numeric_limits<double>::infinity()));
    for (uint32_t s = 0; s < n; ++s)
    {
        for (uint32_t t = 0; t < n; ++t)
        {
            if (cost[s][t] == kUnreachable)
            {
                continue;
            }
            m_distance[s][t] = static_cast<double>(cost[s][t].ns) / 1e9;
            if (s == t)
            {
                continue;
            }
            uint32_t bestNeighbour = kNoVertex;
            for (const auto& x : incident[s])
            {
                if (cost[x.first][t] == kUnreachable)
                {
                    continue;
                }
                if (CostPlus()(weight[x.second], cost[x.first][t]) == cost[s][t]
                    && x.first < bestNeighbour)
                {
                    bestNeighbour = x.first;
                    m_firstEdge[s][t] = static_cast<int32_t>(x.second);
                }
            }
        }
    }
    m_servingRelay.assign(n, kNoVertex);
    for (uint32_t v = 0; v < n; ++v)
    {
        int32_t relay = GetNearest(v, RELAY);
        if (relay >= 0)
        {
            m_servingRelay[v] = static_cast<uint32_t>(relay);
        }
    }
    for (uint32_t r : GetVerticesOfKind(RELAY))
    {
        Mmse m;
        m.relay = r;
        m.server = static_cast<uint32_t>(GetNearest(r, SERVER));
        m.ppg = static_cast<uint32_t>(GetNearest(r, PPG));
        m.smsc = static_cast<uint32_t>(GetNearest(m.ppg, SMSC));
        for (uint32_t c : GetVerticesOfKind(CELL))
        {
            if (m_servingRelay[c] == r)
            {
                m.cells.push_back(c);
            }
        }
        m_mmses.push_back(m);
    }
}

const std::string&
MmsScenario::GetOrigin() const
{
    return m_origin;
}

const std::vector<MmsScenario::Vertex>&
MmsScenario::GetVertices() const
{
    return m_vertices;
}

const std::vector<MmsScenario::Edge>&
MmsScenario::GetEdges() const
{
    return m_edges;
}

int32_t
MmsScenario::FindVertex(const std::string& name) const
{
    for (uint32_t i = 0; i < m_vertices.size(); ++i)
    {
        if (m_vertices[i].name == name)
        {
            return static_cast<int32_t>(i);
        }
    }
    return -1;
}

std::vector<uint32_t>
MmsScenario::GetVerticesOfKind(Kind kind) const
{
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i < m_vertices.size(); ++i)
    {
        if (m_vertices[i].kind == kind)
        {
            out.push_back(i);
        }
    }
    return out;
}

uint64_t
MmsScenario::GetSubscriberCount() const
{
    uint64_t total = 0;
    for (const auto& v : m_vertices)
    {
        if (v.kind == CELL)
        {
            total += v.subscribers;
        }
    }
    return total;
}

int32_t
MmsScenario::GetFirstEdge(uint32_t from, uint32_t to) const
{
    if (from >= m_firstEdge.size() || to >= m_firstEdge.size())
    {
        return -1;
    }
    return m_firstEdge[from][to];
}

uint32_t
MmsScenario::GetOtherEnd(uint32_t edge, uint32_t from) const
{
    NS_ASSERT_MSG(edge < m_edges.size(), "no edge " << edge);
    const Edge& e = m_edges[edge];
    return e.a == from ? e.b : e.a;
}

double
MmsScenario::GetPathDelay(uint32_t from, uint32_t to) const
{
    if (from >= m_distance.size() || to >= m_distance.size())
    {
        return std::numeric_limits<double>::infinity();
    }
    return m_distance[from][to];
}

int32_t
MmsScenario::GetNearest(uint32_t from, Kind kind) const
{
    int32_t best = -1;
    if (from >= m_distance.size())
    {
        return best;
    }
    for (uint32_t i = 0; i < m_vertices.size(); ++i)
    {
        if (m_vertices[i].kind != kind || std::isinf(m_distance[from][i]))
        {
            continue;
        }
        if (best < 0 || m_distance[from][i] < m_distance[from][best])
        {
            best = static_cast<int32_t>(i);
        }
    }
    return best;
}

uint32_t
MmsScenario::GetServingRelay(uint32_t cell) const
{
    return cell < m_servingRelay.size() ? m_servingRelay[cell] : kNoVertex;
}

const std::vector<MmsScenario::Mmse>&
MmsScenario::GetMmses() const
{
    return m_mmses;
}

} // namespace ns3
