namespace Srdi.Engine;

/// <summary>Three-valued truth: a condition holds, fails, or cannot be decided from the profile.</summary>
public enum Truth : byte { False, True, Unknown }

/// <summary>Kleene's three-valued and/or, the one definition every rule and criterion uses: a
/// false conjunct decides an "and" and a true disjunct decides an "or" even when the other side
/// is unknown; otherwise unknown wins.</summary>
public static class TruthLogic
{
    public static Truth And(this Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown : Truth.True;

    public static Truth Or(this Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown : Truth.False;
}
