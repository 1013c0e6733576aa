using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Policies;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Evaluation;

/// <summary>The machine codes of the engine's outcomes, as JSON results and rules tests write
/// them (<see cref="Codes"/>). The Chinese for people is <see cref="Vocabulary.Wording"/>.</summary>
public static class Words
{
    public static string Status(MeasureStatus s) => Codes.Of(s);

    public static string Kind(BenefitKind k) => Codes.Of(k);

    public static string Application(ApplicationMode m) => Codes.Of(m);

    /// <summary>true / false / unknown, as JSON results and tests write a three-valued outcome.</summary>
    public static string Outcome(Truth t) => Codes.Of(t);

    public static string Verdict(Engine.Tiers.Verdict v) => Codes.Of(v);
}
