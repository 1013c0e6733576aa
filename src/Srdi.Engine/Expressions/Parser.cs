namespace Srdi.Engine.Expressions;

/// <summary>Recursive-descent parser. Precedence, loosest first: or, and, not, comparison and
/// in, + -, * /, unary minus, postfix (@year, .field), primary.</summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(string text) => _tokens = Lexer.Tokenize(text);

    public static Syntax Parse(string text)
    {
        var parser = new Parser(text);
        var result = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
            throw new ExpressionException(parser.Current.Offset, $"多余的内容 \"{parser.Current.Text}\"");
        return result;
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private bool IsWord(string word) => Current.Kind == TokenKind.Identifier && Current.Text == word;

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
            throw new ExpressionException(Current.Offset, $"此处应为{what}，实际为 \"{(Current.Kind == TokenKind.End ? "结尾" : Current.Text)}\"");
        return Advance();
    }

    private Syntax ParseOr()
    {
        var left = ParseAnd();
        while (IsWord("or"))
        {
            var op = Advance();
            left = new BinarySyntax(op.Offset, "or", left, ParseAnd());
        }
        return left;
    }

    private Syntax ParseAnd()
    {
        var left = ParseNot();
        while (IsWord("and"))
        {
            var op = Advance();
            left = new BinarySyntax(op.Offset, "and", left, ParseNot());
        }
        return left;
    }

    private Syntax ParseNot()
    {
        if (!IsWord("not")) return ParseComparison();
        var op = Advance();
        return new UnarySyntax(op.Offset, "not", ParseNot());
    }

    private Syntax ParseComparison()
    {
        var left = ParseAdditive();
        if (IsWord("in"))
        {
            var op = Advance();
            Expect(TokenKind.LParen, "\"(\"");
            var choices = new List<Syntax> { ParseAdditive() };
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                choices.Add(ParseAdditive());
            }
            Expect(TokenKind.RParen, "\")\"");
            return new InSyntax(op.Offset, left, choices);
        }
        string? symbol = Current.Kind switch
        {
            TokenKind.Less => "<",
            TokenKind.LessEqual => "<=",
            TokenKind.Greater => ">",
            TokenKind.GreaterEqual => ">=",
            TokenKind.Equal => "==",
            TokenKind.NotEqual => "!=",
            _ => null,
        };
        if (symbol is null) return left;
        var token = Advance();
        return new BinarySyntax(token.Offset, symbol, left, ParseAdditive());
    }

    private Syntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            left = new BinarySyntax(op.Offset, op.Kind == TokenKind.Plus ? "+" : "-", left, ParseMultiplicative());
        }
        return left;
    }

    private Syntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            left = new BinarySyntax(op.Offset, op.Kind == TokenKind.Star ? "*" : "/", left, ParseUnary());
        }
        return left;
    }

    private Syntax ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus) return ParsePostfix();
        var op = Advance();
        return new UnarySyntax(op.Offset, "-", ParseUnary());
    }

    private Syntax ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            if (Current.Kind == TokenKind.At)
            {
                var at = Advance();
                if (expression is not NameSyntax name)
                    throw new ExpressionException(at.Offset, "\"@\" 只能跟在事实名称之后");
                var negative = Current.Kind == TokenKind.Minus;
                if (negative) Advance();
                var year = Current.Kind is TokenKind.Identifier or TokenKind.Number
                    ? (negative ? "-" : "") + Advance().Text
                    : throw new ExpressionException(Current.Offset, "\"@\" 之后应为 last_year、this_year、-N 或年份");
                expression = new YearlySyntax(name.Offset, name.Name, year);
            }
            else if (Current.Kind == TokenKind.Dot)
            {
                var dot = Advance();
                var field = Expect(TokenKind.Identifier, "字段名");
                expression = new FieldSyntax(dot.Offset, expression, field.Text);
            }
            else
            {
                return expression;
            }
        }
    }

    private Syntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberSyntax(token.Offset, token.Number, token.Text, token.Unit);
            case TokenKind.String:
                Advance();
                return new StringSyntax(token.Offset, token.Text);
            case TokenKind.Parameter:
                Advance();
                Syntax? date = null;
                if (Current.Kind == TokenKind.LParen)
                {
                    Advance();
                    date = ParseOr();
                    Expect(TokenKind.RParen, "\")\"");
                }
                return new ParameterSyntax(token.Offset, token.Text, date);
            case TokenKind.LParen:
                Advance();
                var inner = ParseOr();
                Expect(TokenKind.RParen, "\")\"");
                return inner;
            case TokenKind.Identifier:
                Advance();
                switch (token.Text)
                {
                    case "true": return new BoolSyntax(token.Offset, true);
                    case "false": return new BoolSyntax(token.Offset, false);
                    case "null": return new NullSyntax(token.Offset);
                }
                if (Current.Kind != TokenKind.LParen) return new NameSyntax(token.Offset, token.Text);
                Advance();
                var arguments = new List<Syntax>();
                if (Current.Kind != TokenKind.RParen)
                {
                    arguments.Add(ParseOr());
                    while (Current.Kind == TokenKind.Comma)
                    {
                        Advance();
                        arguments.Add(ParseOr());
                    }
                }
                Expect(TokenKind.RParen, "\")\"");
                return new CallSyntax(token.Offset, token.Text, arguments);
            default:
                throw new ExpressionException(token.Offset, token.Kind == TokenKind.End ? "表达式不完整" : $"此处不应出现 \"{token.Text}\"");
        }
    }
}
