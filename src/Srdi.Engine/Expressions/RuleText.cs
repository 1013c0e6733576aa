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
}
