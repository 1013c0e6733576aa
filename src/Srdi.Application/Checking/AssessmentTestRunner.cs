using System.Globalization;
using Srdi.Application.Evaluation;
using System.Text;
using Srdi.Application.Profiles;
using Srdi.Catalog.Testing;
using Srdi.Engine;
using Srdi.Engine.Formatting;
using Srdi.Engine.Tiers;

namespace Srdi.Application.Checking;

public sealed record AssessmentTestResult(AssessmentTestCase Case, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>Runs tier-criteria tests through the profile reader and the compiled catalog.</summary>
public sealed class AssessmentTestRunner(PolicyNavigator navigator)
{
    public AssessmentTestResult Run(AssessmentTestCase test)
    {
        AssessmentReport report;
        try
        {
            report = navigator.Assess(navigator.Profiles.Read(test.Profile), test.At);
        }
        catch (ProfileException e)
        {
            return new AssessmentTestResult(test, [$"{test.Location}: 用例的档案无效：{e.Message}"]);
        }
        var failures = new List<string>();
        if (test.SizeClassChecked && test.SizeClass != report.Size.Class)
            failures.Add($"{test.Location}: 企业规模应为 {test.SizeClass ?? "无法判断"}，实际为 {report.Size.Class ?? "无法判断"}（{report.Size.Basis}）");
        foreach (var e in test.Tiers)
        {
            var t = report.Tiers.First(x => x.Tier.Certificate == e.Certificate);
            var problems = new List<string>();
            var verdict = Words.Verdict(t.Verdict);
            if (e.Verdict is not null && e.Verdict != verdict) problems.Add($"结论应为 {e.Verdict}，实际为 {verdict}");
            if (e.Points is { } points && t.Score?.Points != points) problems.Add($"得分应为 {Amounts.Plain(points)}，实际为 {(t.Score is null ? "无评分" : Amounts.Plain(t.Score.Points))}");
            if (e.PassMark is { } mark && t.Score?.PassMark != mark) problems.Add(string.Create(CultureInfo.InvariantCulture, $"及格线应为 {Amounts.Plain(mark)}，实际为 {t.Score?.PassMark}"));
            if (e.Direct is not null && t.DirectCriterion != e.Direct) problems.Add($"应经直通条件 {e.Direct} 认定，实际为“{t.Route}”");
            if (e.Missing is not null && !e.Missing.Order().SequenceEqual(t.Missing.Order()))
                problems.Add($"缺少的事实应为 [{string.Join(", ", e.Missing)}]，实际为 [{string.Join(", ", t.Missing)}]");
            if (problems.Count > 0) failures.Add($"{e.Location}: {t.Tier.Name}：{string.Join("；", problems)}\n{Explain(t)}");
        }
        var indicators = report.Tiers.Where(t => t.Score is not null).SelectMany(t => t.Score!.Indicators).ToDictionary(i => i.Indicator.Id);
        foreach (var (id, points) in test.Indicators)
        {
            if (!indicators.TryGetValue(id, out var actual))
                failures.Add($"{test.Location}: 指标 {id} 不适用于该企业（地区指标）");
            else if (actual.Points != points)
                failures.Add($"{test.Location}: 指标 {id} 得分应为 {(points is null ? "待定" : Amounts.Plain(points.Value))}，实际为 {(actual.Points is null ? "待定" : Amounts.Plain(actual.Points.Value))}（当前值 {actual.Value}，档位 {actual.Band}，缺少 {string.Join("、", actual.Missing)}）");
        }
        var criteria = report.Tiers.SelectMany(t => t.Conditions.Concat(t.Direct)).SelectMany(Flatten).ToDictionary(c => c.Criterion.Id);
        foreach (var (id, outcome) in test.Conditions)
        {
            var actual = criteria.TryGetValue(id, out var c) ? Words.Outcome(c.Outcome) : "not-applicable";
            if (actual != outcome) failures.Add($"{test.Location}: 条件 {id} 应为 {outcome}，实际为 {actual}（{c?.Seen}）");
        }
        return new AssessmentTestResult(test, failures);
    }

    private static IEnumerable<CriterionResult> Flatten(CriterionResult c) => c.Children.SelectMany(Flatten).Prepend(c);


    private static string Explain(TierResult t)
    {
        var sb = new StringBuilder($"    路径：{t.Route}");
        if (t.Score is { } s) sb.Append(CultureInfo.InvariantCulture, $"；得分 {Amounts.Plain(s.Points)}（待定 {Amounts.Plain(s.Undecided)}），及格线 {s.PassMark}");
        foreach (var g in t.Gaps) sb.Append("\n    差距：").Append(g);
        if (t.Missing.Count > 0) sb.Append("\n    缺少：").Append(string.Join("、", t.Missing));
        return sb.ToString();
    }
}
