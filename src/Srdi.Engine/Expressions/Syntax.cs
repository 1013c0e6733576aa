namespace Srdi.Engine.Expressions;

/// <summary>The parsed, not yet bound, form of an expression.</summary>
internal abstract record Syntax(int Offset);

internal sealed record NumberSyntax(int Offset, decimal Value, string Written, string Unit) : Syntax(Offset);

internal sealed record StringSyntax(int Offset, string Value) : Syntax(Offset);

internal sealed record BoolSyntax(int Offset, bool Value) : Syntax(Offset);

internal sealed record NullSyntax(int Offset) : Syntax(Offset);

/// <summary>A bare name: a fact, <c>item</c>, <c>at</c>, or a year selector word.</summary>
internal sealed record NameSyntax(int Offset, string Name) : Syntax(Offset);

/// <summary><c>fact@last_year</c>, <c>fact@2024</c>.</summary>
internal sealed record YearlySyntax(int Offset, string Fact, string Year) : Syntax(Offset);

/// <summary><c>item.field</c>.</summary>
internal sealed record FieldSyntax(int Offset, Syntax Target, string Field) : Syntax(Offset);

internal sealed record ParameterSyntax(int Offset, string Name, Syntax? Date) : Syntax(Offset);

internal sealed record CallSyntax(int Offset, string Function, IReadOnlyList<Syntax> Arguments) : Syntax(Offset);

internal sealed record UnarySyntax(int Offset, string Operator, Syntax Operand) : Syntax(Offset);

internal sealed record BinarySyntax(int Offset, string Operator, Syntax Left, Syntax Right) : Syntax(Offset);

internal sealed record InSyntax(int Offset, Syntax Value, IReadOnlyList<Syntax> Choices) : Syntax(Offset);
