namespace Srdi.Model.Vocabulary;

/// <summary>A published value that changes over time, keyed by the date each value starts
/// (reading rule 7): the one-year LPR, a yearly budget. A budget names the clause it funds and,
/// where it funds one money part only (广州 十: 小技改), that part's label.</summary>
public sealed record DatedParameter(string Name, string Label, string? Unit, string? Clause, IReadOnlyList<DatedValue> Values)
{
    public string? Part { get; init; }

    public string? Note { get; init; }

    /// <summary>A yearly budget in yuan, set against a roster's demand.</summary>
    public bool IsBudget => Unit == "元/年";

    /// <summary>The value in effect on a date, or null before the first value.</summary>
    public DatedValue? At(DateOnly date)
    {
        DatedValue? found = null;
        foreach (var v in Values)
        {
            if (v.From <= date) found = v; else break;
        }
        return found;
    }
}

public sealed record DatedValue(DateOnly From, decimal Value, string? Source);
