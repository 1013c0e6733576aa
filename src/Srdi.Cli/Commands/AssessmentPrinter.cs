using System.Globalization;
using Spectre.Console;
using Srdi.Application.Evaluation;
using Srdi.Application.Tiers;
using Srdi.Application.Vocabulary;
using Srdi.Engine;
using Srdi.Engine.Formatting;
using Srdi.Engine.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Cli.Commands;

/// <summary>The readable tier assessment: verdict per tier, score table, conditions, gaps, and
/// what reaching the next tier is worth.</summary>
internal static class AssessmentPrinter
{
    public static void Print(TextWriter o, AssessmentReport report, Wording wording, CatalogVocabulary vocabulary)
    {
        var p = report.Profile;
        string Facts(IEnumerable<string> facts) => string.Join("、", facts.Select(f => ChineseText.Label(vocabulary, f)).Distinct(StringComparer.Ordinal));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"企业：{TerminalText.Clean(p.Name ?? p.Id)}（{TerminalText.Clean(p.Id)}）    评估日期：{report.At:yyyy-MM-dd}"));
        o.WriteLine($"认定标准：{report.Ruleset.Title}（{report.Ruleset.Id}）");
        if (report.Superseded) o.WriteLine($"注意：{report.Ruleset.SupersededNote}");
        var size = report.Size;
        o.WriteLine($"企业规模：{size.Class ?? "无法判断"}{(size.Industry is null ? "" : $"（{size.Industry}）")}{(size.Missing.Count > 0 ? "，缺少：" + Facts(size.Missing) : "")}");
        if (size.Basis.Length > 0)
            o.WriteLine($"  依据：{size.Basis}{(size.Missing.Count == 0 && size.Unfilled.Count > 0 ? $"（未填写：{Facts(size.Unfilled)}）" : "")}");
        foreach (var tier in report.Tiers)
        {
            o.WriteLine();
            var verdict = ChineseText.TierVerdict(wording, tier);
            o.WriteLine($"■ {tier.Tier.Name}：{verdict}{(tier.Holds ? "  [已持有有效证书，按复核条件判断]" : "")}");
            foreach (var c in tier.Conditions) PrintCriterion(o, c, "  ");
            if (tier.Score is { } score)
            {
                var table = new Table().AddColumns("组", "指标", "当前值", "档位", "得分", "满分", "下一档");
                foreach (var i in score.Indicators)
                    table.AddRow(Markup.Escape(i.Indicator.Group), Markup.Escape(i.Indicator.Label), Markup.Escape(i.Value ?? ""),
                        Markup.Escape(i.Band ?? (i.Missing.Count == 0 ? "待定：缺少信息" : "待定：缺少 " + Facts(i.Missing))), i.Points is { } pts ? Amounts.Plain(pts) : "?",
                        Amounts.Plain(i.Indicator.Max), Markup.Escape(i.NextStep ?? ""));
                Screen.Render(o, table);
                o.WriteLine($"  总分 {Amounts.Plain(score.Points)}{(score.Undecided > 0 ? $"（另有 {Amounts.Plain(score.Undecided)} 分待定）" : "")}，及格线 {(score.PassMark is { } pm ? Amounts.Plain(pm) : "未知")}："
                    + string.Join("；", score.Groups.Select(g => $"{g.Group.Id} {Amounts.Plain(g.Points)}/{Amounts.Plain(g.Group.Max)}{(g.Group.Minimum > 0 ? $"（至少 {Amounts.Plain(g.Group.Minimum)}）" : "")}")));
                if (tier.Direct.Count > 0)
                {
                    o.WriteLine("  直通条件（任一满足即可）：");
                    foreach (var d in tier.Direct) PrintCriterion(o, d, "    ");
                }
            }
            if (tier.Gaps.Count > 0)
            {
                o.WriteLine("  差距：");
                foreach (var g in tier.Gaps) o.WriteLine($"    · {g}");
            }
            if (tier.Missing.Count > 0) o.WriteLine($"  需补充：{Facts(tier.Missing)}");
        }
    }

    private static void PrintCriterion(TextWriter o, CriterionResult c, string indent)
    {
        var mark = ChineseText.Mark(c.Outcome);
        o.WriteLine($"{indent}{mark} {c.Criterion.Id} {c.Criterion.Label}{(c.Children.Count == 0 ? $"：{c.Seen}" : "")}{(c.Gap is null ? "" : $"（{c.Gap}）")}");
        foreach (var child in c.Children) PrintCriterion(o, child, indent + "  ");
    }

    public static void PrintUpgrade(TextWriter o, UpgradeValue? upgrade, Wording wording)
    {
        o.WriteLine();
        if (upgrade is null)
        {
            o.WriteLine("晋级价值：已持有梯度培育最高一档（专精特新“小巨人”）的有效证书，没有更高一档。");
            return;
        }
        o.WriteLine($"晋级价值：若在评估日首次取得「{upgrade.NextTier.Name}」（{wording.Level(upgrade.Added.Level)}），按目录可新增：");
        if (upgrade.Documents.Count == 0) o.WriteLine("  目录中没有因此新增的措施。");
        foreach (var d in upgrade.Documents)
        {
            var diff = d.Difference;
            o.WriteLine($"  {d.Document.Title}{(d.Document.IsDraft ? "（征求意见稿）" : "")}：确定 +{Amounts.Chinese(diff.Exact)}，最高 +{Amounts.Chinese(diff.UpTo)}，分年度 +{Amounts.Chinese(diff.Scheduled)}");
            foreach (var m in d.Opened) o.WriteLine($"    · {m.Measure.Id}「{m.Measure.Title}」{ChineseText.Amount(m)}");
            foreach (var k in d.InKindOpened) o.WriteLine($"    · 非资金：{k}");
        }
        var f = upgrade.InForceDifference;
        o.WriteLine($"  合计（现行有效）：确定 +{Amounts.Chinese(f.Exact)}，最高 +{Amounts.Chinese(f.UpTo)}，分年度 +{Amounts.Chinese(f.Scheduled)}");
        var dd = upgrade.DraftDifference;
        if (dd != Engine.Evaluation.Totals.Zero)
            o.WriteLine($"  征求意见稿另计（尚未生效）：确定 +{Amounts.Chinese(dd.Exact)}，最高 +{Amounts.Chinese(dd.UpTo)}，分年度 +{Amounts.Chinese(dd.Scheduled)}");
    }
}
