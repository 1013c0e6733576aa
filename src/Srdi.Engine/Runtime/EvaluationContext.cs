using Srdi.Model.Policies;

namespace Srdi.Engine.Runtime;

/// <summary>The state of one evaluation: the date (always passed in, never read from a clock),
/// the enterprise, the document being evaluated and, inside an aggregate, the current item.</summary>
internal sealed class EvaluationContext(EnterpriseRecord enterprise, DateOnly at)
{
    private ulong _held;
    private bool _heldKnown;

    public EnterpriseRecord Enterprise { get; private set; } = enterprise;
    public DateOnly At { get; private set; } = at;
    public int Year { get; private set; } = at.Year;

    /// <summary>Readies a worker's reusable context for another enterprise's evaluation.</summary>
    public void Reset(EnterpriseRecord enterprise, DateOnly at)
    {
        Enterprise = enterprise;
        Reset(at);
    }

    /// <summary>Readies a record's reusable context for another evaluation.</summary>
    public void Reset(DateOnly at)
    {
        At = at;
        Year = at.Year;
        Item = null;
        Missing = null;
        _heldKnown = false;
    }

    /// <summary>Whether the enterprise holds, valid on the date, a certificate of one of the
    /// (kind, level) pairs of <paramref name="mask"/> (reading rule 10).</summary>
    public bool Holds(ulong mask)
    {
        if (!_heldKnown)
        {
            _held = Enterprise.HeldOn(At);
            _heldKnown = true;
        }
        return (_held & mask) != 0;
    }
    public PolicyDocument Document { get; set; } = null!;

    /// <summary>What <see cref="EnterpriseRecord.Touch"/> read, kept so that the reads are made.</summary>
    public int Touched;
    public Value[]? Item { get; set; }

    /// <summary>The threshold a gap is computed against (<c>target</c> in a shortfall rule).</summary>
    public Value Target { get; set; }

    /// <summary>Facts found missing while tracing; null on the fast path.</summary>
    public List<string>? Missing { get; set; }

    public void NoteMissing(string fact)
    {
        if (Missing is not null && !Missing.Contains(fact)) Missing.Add(fact);
    }

    /// <summary>Runs a sub-evaluation and forgets the facts it found missing when its result is
    /// known anyway: "false and unknown" is false, and asks for nothing.</summary>
    public int MissingMark => Missing?.Count ?? 0;

    public void ForgetMissingSince(int mark)
    {
        if (Missing is not null && Missing.Count > mark) Missing.RemoveRange(mark, Missing.Count - mark);
    }
}
