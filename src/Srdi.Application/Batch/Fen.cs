using System.Runtime.CompilerServices;
using Srdi.Engine.Evaluation;

namespace Srdi.Application.Batch;

/// <summary>The batch's rounding rule (docs/roster.md): the engine computes with exact decimals;
/// each enterprise's amount for each measure is then rounded once to the fen (0.01 元), half away
/// from zero (四舍五入), and every total is the exact sum of those rounded amounts. So the sums of
/// entitlements.csv equal the summary's, and no output shows 171111.11111111111111111111112.</summary>
public static class Fen
{
    // An amount already to the fen (every zero, every whole amount) is left as it is, bit for bit, as
    // Math.Round leaves it: ten amounts of every measure of every row go through here.
    public static decimal Round(decimal yuan) => yuan.Scale <= 2 ? yuan : Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    // The row path is compiled fully at its first call rather than run precompiled until tiered up (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Round(ref MeasureOutcome o)
    {
        // Written back only when a digit goes: nearly every amount is already to the fen, and this
        // method, writing all ten back for every outcome evaluated, was about 2% of a roster's CPU (perf).
        if (o.Exact.Scale > 2) o.Exact = Round(o.Exact);
        if (o.UpTo.Scale > 2) o.UpTo = Round(o.UpTo);
        if (o.Scheduled.Scale > 2) o.Scheduled = Round(o.Scheduled);
        if (o.CountedExact.Scale > 2) o.CountedExact = Round(o.CountedExact);
        if (o.CountedUpTo.Scale > 2) o.CountedUpTo = Round(o.CountedUpTo);
        if (o.CountedScheduled.Scale > 2) o.CountedScheduled = Round(o.CountedScheduled);
        if (o.OthersExact.Scale > 2) o.OthersExact = Round(o.OthersExact);
        if (o.OthersUpTo.Scale > 2) o.OthersUpTo = Round(o.OthersUpTo);
        if (o.OthersScheduled.Scale > 2) o.OthersScheduled = Round(o.OthersScheduled);
        if (o.Budgeted.Scale > 2) o.Budgeted = Round(o.Budgeted);
    }
}
