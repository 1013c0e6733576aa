namespace Srdi.Engine.Expressions;

internal enum TokenKind
{
    Number, String, Identifier, Parameter,
    Plus, Minus, Star, Slash, LParen, RParen, Comma, Dot, At,
    Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual,
    End,
}

/// <summary>A lexical token. For a number, <see cref="Number"/> is its value in base units
/// (yuan for money, a fraction for a rate) and <see cref="Unit"/> the suffix as written.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, decimal Number = 0, string Unit = "");
