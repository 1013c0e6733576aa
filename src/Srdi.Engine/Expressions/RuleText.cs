namespace Srdi.Engine.Expressions;

/// <summary>Reads what a rule expression mentions, without compiling it: the numbers it writes
/// (for the traceability convention) and the names it uses (for `srdi facts`).</summary>
public static class RuleText
{
    /// <summary>Each number as written ("300万", "30%", "12") with its digits alone ("300").</summary>
    public static IEnumerable<(string Written, string Digits, bool HasUnit)> Numbers(string expression)
    {
        List<Token> tokens;
        try
        {
            tokens = Lexer.Tokenize(expression);
        }
        catch (ExpressionException)
        {
            yield break;
        }
        foreach (var t in tokens.Where(t => t.Kind == TokenKind.Number))
            yield return (t.Text, t.Unit.Length > 0 ? t.Text[..^t.Unit.Length] : t.Text, t.Unit.Length > 0);
    }

    /// <summary>Identifiers used, facts among them.</summary>
    public static IEnumerable<string> Names(string expression)
    {
        List<Token> tokens;
        try
        {
            tokens = Lexer.Tokenize(expression);
        }
        catch (ExpressionException)
        {
            yield break;
        }
        foreach (var t in tokens.Where(t => t.Kind == TokenKind.Identifier))
            yield return t.Text;
    }

    /// <summary>Each name an expression reads with the year written after it, if any:
    /// <c>projects@last_year</c> → ("projects", "last_year"); <c>rent</c> → ("rent", null);
    /// <c>x@-2</c> → ("x", "-2"); <c>x@2024</c> → ("x", "2024"). Names that are no fact (functions,
    /// item, at) come too; the caller keeps the facts of its vocabulary.</summary>
    public static IEnumerable<(string Name, string? Year)> Mentions(string expression)
    {
        List<Token> tokens;
        try
        {
            tokens = Lexer.Tokenize(expression);
        }
        catch (ExpressionException)
        {
            yield break;
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Identifier) continue;
            if (i > 0 && tokens[i - 1].Kind is TokenKind.Dot or TokenKind.At) continue; // item.field, @last_year
            string? year = null;
            if (i + 2 < tokens.Count && tokens[i + 1].Kind == TokenKind.At)
            {
                var negative = tokens[i + 2].Kind == TokenKind.Minus;
                var at = negative ? i + 3 : i + 2;
                if (at < tokens.Count && tokens[at].Kind is TokenKind.Identifier or TokenKind.Number)
                    year = (negative ? "-" : "") + tokens[at].Text;
            }
            yield return (tokens[i].Text, year);
        }
    }

    /// <summary>The year a written year means on an evaluation date: last_year is the year before
    /// it, this_year its year, -N N years before, a four-digit year itself; null when unreadable.</summary>
    public static int? Year(string written, DateOnly at) => written switch
    {
        "last_year" => at.Year - 1,
        "this_year" => at.Year,
        _ when written.StartsWith('-') && int.TryParse(written.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var back) => at.Year - back,
        _ when int.TryParse(written, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) => year,
        _ => null,
    };

    /// <summary>An expression as its pieces, in order, for rewriting it in words a person reads.
    /// Empty when the text does not lex.</summary>
    public static IReadOnlyList<RulePiece> Pieces(string expression)
    {
        try
        {
            return Lexer.Tokenize(expression).Where(t => t.Kind != TokenKind.End).Select(t => new RulePiece(t.Kind switch
            {
                TokenKind.Number => RulePieceKind.Number,
                TokenKind.String => RulePieceKind.Text,
                TokenKind.Identifier => RulePieceKind.Name,
                TokenKind.Parameter => RulePieceKind.Parameter,
                TokenKind.At => RulePieceKind.At,
                TokenKind.Dot => RulePieceKind.Dot,
                _ => RulePieceKind.Symbol,
            }, t.Text)).ToList();
        }
        catch (ExpressionException)
        {
            return [];
        }
    }
}

public enum RulePieceKind { Number, Text, Name, Parameter, At, Dot, Symbol }

/// <summary>One piece of a rule expression: a number as written, a string's content, a name, a
/// parameter's name (without $), "@", "." or an operator or bracket.</summary>
public readonly record struct RulePiece(RulePieceKind Kind, string Text);
