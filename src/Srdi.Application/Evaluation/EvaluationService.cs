using Srdi.Application.Contracts;
using Srdi.Application.Tiers;
using Srdi.Engine.Evaluation;
using Srdi.Model.Profiles;

namespace Srdi.Application.Evaluation;

/// <summary>An enterprise evaluated on a date: the engine's report and, when asked for, what
/// reaching the next tier would add.</summary>
public sealed record EnterpriseEvaluation(EvaluationReport Report, UpgradeValue? Upgrade);

/// <summary>Evaluates an enterprise against the whole catalog, and shapes the result for programs
/// (<see cref="EvaluationResult"/>) and for people (<see cref="EvaluationView"/>). Thread-safe.</summary>
public sealed class EvaluationService(PolicyNavigator navigator)
{
    /// <param name="includeDrafts">Count drafts for comment in the totals shown.</param>
    /// <param name="withUpgrade">Also work out the upgrade value (one tier assessment and two
    /// more evaluations).</param>
    public EnterpriseEvaluation Evaluate(EnterpriseProfile profile, DateOnly at, bool includeDrafts = false, bool withUpgrade = false)
    {
        var report = navigator.Evaluate(profile, at, includeDrafts);
        var upgrade = withUpgrade ? UpgradeValues.For(navigator, profile, at, navigator.Assess(profile, at)) : null;
        return new EnterpriseEvaluation(report, upgrade);
    }

    public EvaluationResult Result(EnterpriseEvaluation evaluation) =>
        EvaluationJson.Result(evaluation.Report, navigator.Catalog.Vocabulary, evaluation.Upgrade);

    public EvaluationView View(EnterpriseEvaluation evaluation) => EvaluationView.Build(evaluation.Report, navigator);
}
