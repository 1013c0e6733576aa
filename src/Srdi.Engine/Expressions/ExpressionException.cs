namespace Srdi.Engine.Expressions;

/// <summary>An expression cannot be read or compiled; <see cref="Offset"/> is the 0-based
/// character position in the expression.</summary>
internal sealed class ExpressionException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
