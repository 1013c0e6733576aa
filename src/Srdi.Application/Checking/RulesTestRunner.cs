using System.Globalization;
using System.Text;
using Srdi.Application.Profiles;
using Srdi.Catalog.Testing;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Formatting;
using Srdi.Application.Evaluation;

namespace Srdi.Application.Checking;

/// <summary>The outcome of one rules test: empty <see cref="Failures"/> means it passed.</summary>
public sealed record RulesTestResult(RulesTestCase Case, IReadOnlyList<string> Failures, EvaluationReport? Report)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>Runs rules tests through the public path a user takes: the profile reader, then the
/// compiled catalog.</summary>
public sealed class RulesTestRunner(PolicyNavigator navigator)
{
    public RulesTestResult Run(RulesTestCase test)
    {
        EvaluationReport report;
        try
        {
            var profile = navigator.Profiles.Read(test.Profile);
            report = navigator.Evaluate(profile, test.At, test.IncludeDrafts);
        }
        catch (ProfileException e)
        {
            return new RulesTestResult(test, [$"{test.Location}: 用例的档案无效：{e.Message}"], null);
        }
        var failures = new List<string>();
        foreach (var expected in test.Expectations)
        {
            // A measure of another area's document is not in the report: it is ineligible at the area.
            var actual = report.Measures.FirstOrDefault(m => m.Measure.Id == expected.MeasureId)
                ?? navigator.Compiled.ExplainElsewhere(report.Profile, test.At, expected.MeasureId);
            var problems = Compare(expected, actual);
            if (problems.Count > 0)
                failures.Add($"{expected.Location}: {expected.MeasureId}：{string.Join("；", problems)}\n{Explain(actual)}");
        }
        if (test.Totals is { } totals)
        {
            var counted = report.Counted;
            var problems = new List<string>();
            Check(problems, "合计确定金额", totals.Exact, counted.Exact);
            Check(problems, "合计最高金额", totals.UpTo, counted.UpTo);
            Check(problems, "合计分年度金额", totals.Scheduled, counted.Scheduled);
            if (problems.Count > 0) failures.Add($"{test.Location}: {string.Join("；", problems)}");
        }
        return new RulesTestResult(test, failures, report);
    }

    private static List<string> Compare(MeasureExpectation e, MeasureResult a)
    {
        var problems = new List<string>();
        if (e.Status is not null && e.Status != Words.Status(a.Status)) problems.Add($"状态应为 {e.Status}，实际为 {Words.Status(a.Status)}");
        if (e.Kind is not null && e.Kind != Words.Kind(a.Kind)) problems.Add($"金额类型应为 {e.Kind}，实际为 {Words.Kind(a.Kind)}");
        Check(problems, "确定金额 exact", e.Exact, a.Exact);
        Check(problems, "最高金额 up_to", e.UpTo, a.UpTo);
        Check(problems, "分年度合计 total", e.Total, a.ScheduleTotal);
        if (e.Schedule is not null && !e.Schedule.SequenceEqual(a.ScheduleAmounts))
            problems.Add($"分年度金额应为 [{string.Join(", ", e.Schedule.Select(Amounts.Yuan))}]，实际为 [{string.Join(", ", a.ScheduleAmounts.Select(Amounts.Yuan))}]");
        if (e.Missing is not null && !e.Missing.Order().SequenceEqual(a.Missing.Order()))
            problems.Add($"缺少的事实应为 [{string.Join(", ", e.Missing)}]，实际为 [{string.Join(", ", a.Missing)}]");
        if (e.Capped is not null && e.Capped != a.Capped) problems.Add($"capped 应为 {e.Capped}，实际为 {a.Capped}");
        if (e.Excluded is not null && e.Excluded != (a.ExcludedBy is not null)) problems.Add($"excluded 应为 {e.Excluded}，实际为 {a.ExcludedBy is not null}");
        if (e.Draft is not null && e.Draft != a.Draft) problems.Add($"draft 应为 {e.Draft}，实际为 {a.Draft}");
        foreach (var p in e.Parts)
        {
            var part = a.Parts.ElementAtOrDefault(p.Index);
            var applies = part?.Applies ?? Engine.Truth.False;
            if (!Same(p, applies)) problems.Add($"资金部分 {Ordinal(p)}（{p.Name}）应{Expected(p)}，实际{Actual(applies)}");
            if (p.Amount is { } amount && part?.Amount != amount)
                problems.Add($"资金部分 {Ordinal(p)}（{p.Name}）金额应为 {Amounts.Yuan(amount)}，实际为 {(part?.Amount is { } x ? Amounts.Yuan(x) : "未知或不适用")}");
        }
        foreach (var k in e.InKind)
        {
            var given = a.InKind.ElementAtOrDefault(k.Index)?.Given ?? Engine.Truth.False;
            if (!Same(k, given)) problems.Add($"非资金支持 {Ordinal(k)}（{k.Name}）应{Expected(k)}，实际{Actual(given)}");
        }
        return problems;
    }

    private static bool Same(PieceExpectation e, Engine.Truth actual) =>
        e.Unknown ? actual == Engine.Truth.Unknown : e.Applies is not { } applies || (applies ? actual == Engine.Truth.True : actual == Engine.Truth.False);

    private static string Ordinal(PieceExpectation e) => "#" + (e.Index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Expected(PieceExpectation e) => e.Unknown ? "待定" : e.Applies == false ? "不适用" : "适用";

    private static string Actual(Engine.Truth t) => t switch { Engine.Truth.True => "适用", Engine.Truth.False => "不适用", _ => "待定" };

    private static void Check(List<string> problems, string what, decimal? expected, decimal actual)
    {
        if (expected is { } v && v != actual) problems.Add($"{what} 应为 {Amounts.Yuan(v)}，实际为 {Amounts.Yuan(actual)}");
    }

    /// <summary>The explanation printed under a failing test, as in OpenFisca's verbose runner.</summary>
    public string Explain(MeasureResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"    状态 {Words.Status(r.Status)}{(r.WouldBe is { } w ? $"（否则为 {Words.Status(w)}）" : "")}，类型 {Words.Kind(r.Kind)}，确定 {Amounts.Yuan(r.Exact)}，最高 {Amounts.Yuan(r.UpTo)}，分年度 {Amounts.Yuan(r.ScheduleTotal)}");
        foreach (var c in r.Conditions)
            sb.AppendLine(CultureInfo.InvariantCulture, $"    [{navigator.Wording.Outcome(c.Outcome)}] {c.Label}：{c.Seen}");
        foreach (var p in r.Parts)
            sb.AppendLine(CultureInfo.InvariantCulture, $"    · {p.Part.Label}（{Words.Kind(p.Kind)}，{navigator.Wording.Outcome(p.Applies)}）：{p.Computation ?? "金额未知"}");
        if (r.Missing.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"    缺少：{string.Join("、", r.Missing)}");
        return sb.ToString().TrimEnd();
    }
}
