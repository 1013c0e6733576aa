using Srdi.Application.Contracts;
using Srdi.Engine.Tiers;
using Srdi.Model.Profiles;

namespace Srdi.Application.Tiers;

/// <summary>A tier assessment with the value of reaching the next tier (null when the highest
/// tier is held).</summary>
public sealed record Assessment(AssessmentReport Report, UpgradeValue? Upgrade);

/// <summary>Assesses an enterprise against the national tier criteria in force on a date, and
/// works out what the next tier is worth. Thread-safe.</summary>
public sealed class AssessmentService(PolicyNavigator navigator)
{
    public Assessment Assess(EnterpriseProfile profile, DateOnly at)
    {
        var report = navigator.Assess(profile, at);
        return new Assessment(report, UpgradeValues.For(navigator, profile, at, report));
    }

    public static AssessmentResult Result(Assessment assessment) => AssessmentJson.Result(assessment.Report, assessment.Upgrade);
}
