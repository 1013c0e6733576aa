namespace Srdi.Engine.Runtime;

internal enum ValueKind : byte { Unknown, Null, Number, Bool, Text, Date, List, Record }

/// <summary>A value during evaluation. Unknown is a value, not an error: it flows through
/// arithmetic and comparisons and is resolved only by three-valued logic (reading rule 19).
/// Dates are kept as day numbers in <see cref="Number"/>; lists and records in <see cref="Ref"/>.</summary>
internal readonly struct Value
{
    public readonly ValueKind Kind;

    /// <summary>A true boolean, decided once when the value is made: reading a decimal for zero is a
    /// call, and every condition of every measure asks (the field takes room the struct had spare).</summary>
    private readonly bool _true;

    public readonly decimal Number;
    public readonly object? Ref;

    private Value(ValueKind kind, decimal number, object? reference)
    {
        Kind = kind;
        _true = kind == ValueKind.Bool && number != 0;
        Number = number;
        Ref = reference;
    }

    public static readonly Value Unknown;
    public static readonly Value Null = new(ValueKind.Null, 0, null);
    public static readonly Value True = new(ValueKind.Bool, 1, null);
    public static readonly Value False = new(ValueKind.Bool, 0, null);

    /// <summary>A value from its parts, as a record stores them.</summary>
    internal static Value Create(ValueKind kind, decimal number, object? reference) => new(kind, number, reference);

    public static Value Of(decimal number) => new(ValueKind.Number, number, null);
    public static Value Of(bool flag) => flag ? True : False;
    public static Value Of(string text) => new(ValueKind.Text, 0, text);
    public static Value Of(DateOnly date) => new(ValueKind.Date, date.DayNumber, null);
    public static Value OfList(Value[] items) => new(ValueKind.List, 0, items);
    public static Value OfRecord(Value[] fields) => new(ValueKind.Record, 0, fields);

    public bool IsUnknown => Kind == ValueKind.Unknown;
    public bool IsTrue => _true;
    public bool IsFalse => Kind == ValueKind.Bool && !_true;
    public string Text => (string)Ref!;
    public DateOnly Date => DateOnly.FromDayNumber((int)Number);
    public Value[] Items => (Value[])Ref!;

    public Truth Truth => Kind switch
    {
        ValueKind.Bool => _true ? Truth.True : Truth.False,
        _ => Truth.Unknown,
    };
}
