using System.Globalization;

namespace Srdi.Engine.Expressions;

/// <summary>Splits a rule expression into tokens. Money and rates are written as the clause
/// prints them: 150万, 2亿, 500元, 30%, 7‰.</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                var digits = text[start..i];
                if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    throw new ExpressionException(start, $"无法识别的数字 \"{digits}\"");
                var unit = "";
                if (i < text.Length && "万亿元%‰".Contains(text[i], StringComparison.Ordinal))
                {
                    unit = text[i].ToString();
                    number *= text[i] switch { '万' => 10_000m, '亿' => 100_000_000m, '%' => 0.01m, '‰' => 0.001m, _ => 1m };
                    i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i], start, number, unit));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_' || c == '$')
            {
                i++;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '-')) i++;
                var word = text[start..i];
                tokens.Add(c == '$' ? new Token(TokenKind.Parameter, word[1..], start) : new Token(TokenKind.Identifier, word, start));
                continue;
            }
            if (c == '"' || c == '“')
            {
                var close = c == '"' ? '"' : '”';
                i++;
                var sb = new System.Text.StringBuilder();
                while (i < text.Length && text[i] != close)
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    sb.Append(text[i++]);
                }
                if (i >= text.Length) throw new ExpressionException(start, "字符串缺少结尾的引号");
                i++;
                tokens.Add(new Token(TokenKind.String, sb.ToString(), start));
                continue;
            }
            (TokenKind kind, int length) op = c switch
            {
                '+' => (TokenKind.Plus, 1),
                '-' or '−' => (TokenKind.Minus, 1),
                '*' or '×' => (TokenKind.Star, 1),
                '/' or '÷' => (TokenKind.Slash, 1),
                '(' or '（' => (TokenKind.LParen, 1),
                ')' or '）' => (TokenKind.RParen, 1),
                ',' or '，' => (TokenKind.Comma, 1),
                '.' => (TokenKind.Dot, 1),
                '@' => (TokenKind.At, 1),
                '≤' => (TokenKind.LessEqual, 1),
                '≥' => (TokenKind.GreaterEqual, 1),
                '≠' => (TokenKind.NotEqual, 1),
                '<' => Peek(text, i) == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1),
                '>' => Peek(text, i) == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1),
                '=' when Peek(text, i) == '=' => (TokenKind.Equal, 2),
                '!' when Peek(text, i) == '=' => (TokenKind.NotEqual, 2),
                _ => throw new ExpressionException(start, $"无法识别的字符 '{c}'"),
            };
            tokens.Add(new Token(op.kind, text.Substring(start, op.length), start));
            i += op.length;
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static char Peek(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';
}
