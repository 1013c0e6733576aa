using System.Text;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Formatting;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Tiers;

namespace Srdi.Engine.Tiers;

/// <summary>Assesses each tier of the ladder for one enterprise: size class, conditions, score,
/// direct routes, and the gaps to close. Missing facts are unknown, never zero.</summary>
internal static class TierAssessor
{
    public static AssessmentReport Assess(CompiledRuleset ruleset, EvaluationContext context, FactSlots slots)
    {
        var source = ruleset.Source;
        var superseded = source.SupersededOn is { } on && context.At >= on || source.Validity.To is { } to && context.At > to;
        var size = SizeClass(ruleset, context, slots);
        var tiers = ruleset.Tiers.Select(t => Tier(t, context, size)).ToList();
        return new AssessmentReport(context.Enterprise.Profile!, context.At, source, superseded, size, tiers);
    }

    private static SizeClassResult SizeClass(CompiledRuleset ruleset, EvaluationContext context, FactSlots slots)
    {
        context.Missing = [];
        var facts = ruleset.Source.SizeFacts;
        var sector = slots.TryGet(facts.Industry, out var sectorSlot) ? context.Enterprise.Scalar(sectorSlot) : Value.Unknown;
        var declared = slots.TryGet(facts.DeclaredClass, out var sizeSlot) ? context.Enterprise.Scalar(sizeSlot) : Value.Unknown;
        string? industry = null;
        string? sizeClass = null;
        var isSme = Truth.Unknown;
        var basis = new StringBuilder();
        if (sector.Kind == ValueKind.Text)
        {
            var rule = ruleset.SizeRules.FirstOrDefault(r => r.Source.Industry == sector.Text)
                ?? ruleset.SizeRules.First(r => r.Source.Industry == facts.FallbackIndustry);
            industry = rule.Source.Industry;
            basis.Append(rule.Source.Basis ?? industry).Append('：');
            isSme = rule.Sme.Evaluate(context).Truth;
            // Unknown figures are named as missing, not rendered as "未知 < 1000".
            if (isSme == Truth.Unknown) basis.Append("划型所需数据未填写");
            else basis.Append("中小企业上限 ").Append(rule.Sme.Render(context));
            if (isSme == Truth.False) sizeClass = "大型";
            else if (isSme == Truth.True)
            {
                var medium = rule.Medium.Evaluate(context).Truth;
                basis.Append(medium == Truth.Unknown ? "；是否中型：所需数据未填写" : "；中型 " + rule.Medium.Render(context));
                if (medium == Truth.True) sizeClass = "中型";
                else if (medium == Truth.False)
                {
                    var small = rule.Small.Evaluate(context).Truth;
                    basis.Append(small == Truth.Unknown ? "；是否小型：所需数据未填写" : "；小型 " + rule.Small.Render(context));
                    sizeClass = small switch { Truth.True => "小型", Truth.False => "微型", _ => null };
                }
            }
        }
        else
        {
            context.NoteMissing(facts.Industry);
        }
        var unfilled = context.Missing.Distinct().ToList();
        if (sizeClass is null && declared.Kind == ValueKind.Text)
        {
            sizeClass = declared.Text;
            isSme = sizeClass == "大型" ? Truth.False : Truth.True;
            basis.Append(basis.Length > 0 ? "；" : "").Append("按档案填写的企业规模（").Append(sizeClass).Append('）');
            context.Missing.Clear();
        }
        var missing = sizeClass is null ? context.Missing.ToList() : [];
        return new SizeClassResult(industry, sizeClass, isSme, basis.ToString(), missing) { Unfilled = unfilled };
    }

    private static TierResult Tier(CompiledTier tier, EvaluationContext context, SizeClassResult size)
    {
        context.Missing = [];
        var source = tier.Source;
        var holds = context.Enterprise.Certificates.Any(c => c.Kind == source.Certificate && c.IsValidOn(context.At));
        var gaps = new List<string>();

        var gate = source.RequiresSme ? size.IsSme : Truth.True;
        if (gate == Truth.False) gaps.Add($"企业规模为{size.Class}，不属于中小企业，不能进入优质中小企业梯度培育");
        if (gate == Truth.Unknown) foreach (var f in size.Missing) context.NoteMissing(f);

        // A holder of a valid certificate of this tier is judged as at its review (复核): conditions
        // written for new applicants only do not apply to it.
        var conditions = Applicable(tier.Conditions, context).Where(c => !(holds && c.Source.NewApplicantsOnly)).Select(c => Criterion(c, context)).ToList();
        var verdict = gate.And(conditions.Aggregate(Truth.True, (t, c) => t.And(c.Outcome)));
        foreach (var failed in conditions.Where(c => c.Outcome == Truth.False)) gaps.AddRange(FailedLeaves(failed));

        ScoreResult? score = null;
        var direct = new List<CriterionResult>();
        var route = "全部条件满足";
        CriterionResult? directRoute = null;
        if (source.Score is not null)
        {
            score = Score(tier, context);
            direct = Applicable(tier.Direct, context).Select(c => Criterion(c, context)).ToList();
            var anyDirect = direct.Aggregate(Truth.False, (t, c) => t.Or(c.Outcome));
            verdict = verdict.And(score.Passed.Or(anyDirect));
            if (score.Passed == Truth.True)
                route = $"评分 {Amounts.Plain(score.Points)} 分，达到及格线 {Amounts.Plain(score.PassMark ?? 0)} 分";
            else if (direct.FirstOrDefault(d => d.Outcome == Truth.True) is { } d)
            {
                directRoute = d;
                route = $"直通条件 {d.Criterion.Id}：{d.Criterion.Label}";
            }
            else
                gaps.AddRange(ScoreGaps(score, anyDirect));
        }

        var result = verdict switch { Truth.True => Verdict.Qualifies, Truth.False => Verdict.DoesNotQualify, _ => Verdict.NeedsInfo };
        if (result != Verdict.Qualifies)
        {
            route = result == Verdict.NeedsInfo ? "需补充信息" : "不符合";
            directRoute = null;
        }
        var missing = result == Verdict.NeedsInfo ? context.Missing.Distinct().ToList() : [];
        return new TierResult(source, result, holds, route, conditions, direct, score, result == Verdict.Qualifies ? [] : gaps, missing)
        {
            DirectCriterion = directRoute?.Criterion.Id,
        };
    }

    private static IEnumerable<CompiledCriterion> Applicable(IEnumerable<CompiledCriterion> criteria, EvaluationContext context) =>
        criteria.Where(c => InRegion(c.Source.Regions, context) != Truth.False);

    private static CriterionResult Criterion(CompiledCriterion c, EvaluationContext context)
    {
        var mark = context.MissingMark;
        var region = InRegion(c.Source.Regions, context);
        if (region == Truth.Unknown)
        {
            context.NoteMissing("area");
            return new CriterionResult(c.Source, Truth.Unknown, "注册地未知，无法判断是否适用本地区条件", null, []);
        }
        CriterionResult result;
        if (c.Rule is not null)
        {
            var outcome = c.Rule.Evaluate(context).Truth;
            result = new CriterionResult(c.Source, outcome, c.Rule.Render(context), outcome == Truth.False ? Gap(c, context) : null, []);
        }
        else
        {
            var isAll = c.All.Length > 0;
            var children = (isAll ? c.All : c.Any).Select(x => Criterion(x, context)).ToList();
            var outcome = isAll
                ? children.Aggregate(Truth.True, (t, x) => t.And(x.Outcome))
                : children.Aggregate(Truth.False, (t, x) => t.Or(x.Outcome));
            result = new CriterionResult(c.Source, outcome, isAll ? "以下全部满足" : "以下任一满足", null, children);
        }
        if (result.Outcome != Truth.Unknown) context.ForgetMissingSince(mark);
        return result;
    }

    private static string? Gap(CompiledCriterion c, EvaluationContext context)
    {
        if (c.Gap is not { } gap) return null;
        var value = gap.Value.Evaluate(context);
        var target = gap.Target.Evaluate(context);
        if (value.IsUnknown || target.IsUnknown) return null;
        var text = new StringBuilder("当前 ");
        Node.RenderValue(value, gap.Value.Display, text);
        text.Append("，需要 ");
        Node.RenderValue(target, gap.Target.Display == Display.Plain ? gap.Value.Display : gap.Target.Display, text);
        if (gap.Shortfall is not null && gap.ShortfallLabel is not null)
        {
            context.Target = target;
            var shortfall = gap.Shortfall.Evaluate(context);
            if (!shortfall.IsUnknown && shortfall.Number > 0)
                text.Append("：约需").Append(gap.ShortfallLabel).Append(' ').Append(Amounts.Yuan(decimal.Ceiling(shortfall.Number))).Append(gap.Shortfall.Display == Display.Money ? " 元" : "");
        }
        return text.ToString();
    }

    private static IEnumerable<string> FailedLeaves(CriterionResult r)
    {
        if (r.Children.Count == 0)
        {
            yield return $"{r.Criterion.Id} {r.Criterion.Label}：{r.Gap ?? r.Seen}";
            yield break;
        }
        if (r.Criterion.Any.Count > 0)
        {
            var alternatives = r.Children.Select(c => c.Criterion.Label);
            yield return $"{r.Criterion.Id} {r.Criterion.Label}：以下均未满足（满足其一即可）：{string.Join("；", alternatives)}";
        }
        foreach (var child in r.Children.Where(c => c.Outcome == Truth.False))
            foreach (var leaf in FailedLeaves(child))
                yield return "  " + leaf;
    }

    private static ScoreResult Score(CompiledTier tier, EvaluationContext context)
    {
        var card = tier.Source.Score!;
        var indicators = SelectIndicators(tier.Indicators, context).Select(i => Indicator(i, context)).ToList();
        var groups = card.Groups.Select(g =>
        {
            var inGroup = indicators.Where(i => i.Indicator.Group == g.Id).ToList();
            var points = inGroup.Sum(i => i.Points ?? 0);
            var undecided = inGroup.Where(i => i.Points is null).Sum(i => i.Indicator.Max);
            var met = points >= g.Minimum ? Truth.True : points + undecided < g.Minimum ? Truth.False : Truth.Unknown;
            return new GroupScore(g, points, undecided, met);
        }).ToList();
        var total = indicators.Sum(i => i.Points ?? 0);
        var open = indicators.Where(i => i.Points is null).Sum(i => i.Indicator.Max);
        var passMarkValue = tier.PassMark!.Evaluate(context);
        decimal? passMark = passMarkValue.IsUnknown ? null : passMarkValue.Number;
        var passed = passMark is not { } pm ? Truth.Unknown
            : groups.Any(g => g.MinimumMet == Truth.False) || total + open < pm ? Truth.False
            : total >= pm && groups.All(g => g.MinimumMet == Truth.True) ? Truth.True
            : Truth.Unknown;
        return new ScoreResult(total, open, passMark, passed, groups, indicators);
    }

    /// <summary>A province's own indicators replace the group's default ones for its enterprises.</summary>
    private static IEnumerable<CompiledIndicator> SelectIndicators(CompiledIndicator[] all, EvaluationContext context)
    {
        foreach (var group in all.GroupBy(i => i.Source.Group))
        {
            var regional = group.Where(i => i.Source.Regions.Count > 0 && InRegion(i.Source.Regions, context) == Truth.True).ToList();
            foreach (var i in group)
            {
                if (i.Source.Regions.Count > 0) { if (regional.Contains(i)) yield return i; }
                else if (!i.Source.RegionalDefault || regional.Count == 0) yield return i;
            }
        }
    }

    private static IndicatorResult Indicator(CompiledIndicator i, EvaluationContext context)
    {
        var mark = context.MissingMark;
        var value = i.Value?.Evaluate(context) ?? Value.Unknown;
        string? valueText = null;
        if (i.Value is not null && !value.IsUnknown)
        {
            var sb = new StringBuilder();
            Node.RenderValue(value, i.Value.Display, sb);
            valueText = sb.ToString();
        }
        decimal? points = null;
        string? bandLabel = null;
        var hit = -1;
        if (i.Points is not null)
        {
            var p = i.Points.Evaluate(context);
            if (!p.IsUnknown)
            {
                points = Math.Min(i.Source.Max, Math.Max(0, p.Number));
                bandLabel = "按公式计分：" + i.Points.Render(context);
            }
        }
        else
        {
            for (var b = 0; b < i.Bands.Length; b++)
            {
                var band = i.Bands[b];
                Truth holds;
                if (band.Source.Range is { } range)
                    holds = value.IsUnknown ? Truth.Unknown : range.Contains(value.Number) ? Truth.True : Truth.False;
                else
                    holds = band.When!.Evaluate(context).Truth;
                if (holds == Truth.Unknown) break;
                if (holds == Truth.True) { hit = b; break; }
            }
            var decided = hit >= 0 || (i.Bands.Length > 0 && AllBandsDecidedFalse(i, value, context));
            if (decided)
            {
                points = hit >= 0 ? Math.Min(i.Source.Max, i.Bands[hit].Source.Points) : 0;
                bandLabel = hit >= 0 ? i.Bands[hit].Source.Label : "未达任一档";
            }
        }
        var missing = context.Missing is { } m ? m.Skip(mark).ToList() : [];
        return new IndicatorResult(i.Source, points, bandLabel, valueText, points is { } got ? NextStep(i, got, value, context) : null, missing);
    }

    private static bool AllBandsDecidedFalse(CompiledIndicator i, Value value, EvaluationContext context) =>
        i.Bands.All(b => b.Source.Range is { } r ? !value.IsUnknown && !r.Contains(value.Number) : b.When!.Evaluate(context).Truth == Truth.False);

    private static string? NextStep(CompiledIndicator i, decimal points, Value value, EvaluationContext context)
    {
        if (points >= i.Source.Max) return null;
        var next = i.Bands.Where(b => b.Source.Points > points).OrderBy(b => b.Source.Points).FirstOrDefault();
        if (next is null) return null;
        var text = new StringBuilder($"下一档「{next.Source.Label}」+{Amounts.Plain(next.Source.Points - points)} 分");
        if (next.Source.Range is { } range && !value.IsUnknown && i.Shortfall is not null && i.Source.ShortfallLabel is not null)
        {
            decimal? target = range.Low is { } low && value.Number < low ? low : range.High is { } high && value.Number > high ? high : null;
            if (target is { } t)
            {
                context.Target = Value.Of(t);
                var shortfall = i.Shortfall.Evaluate(context);
                if (!shortfall.IsUnknown && shortfall.Number > 0)
                    text.Append("，约需").Append(i.Source.ShortfallLabel).Append(' ').Append(Amounts.Yuan(decimal.Ceiling(shortfall.Number)));
            }
        }
        return text.ToString();
    }

    private static IEnumerable<string> ScoreGaps(ScoreResult score, Truth anyDirect)
    {
        if (score.Passed == Truth.True) yield break;
        var undecided = score.Undecided > 0 ? $"（另有 {Amounts.Plain(score.Undecided)} 分因缺少信息未定）" : "";
        yield return $"评分 {Amounts.Plain(score.Points)} 分{undecided}，及格线 {(score.PassMark is { } pm ? Amounts.Plain(pm) : "未知")} 分"
            + (anyDirect == Truth.False ? "，且不满足任何直通条件" : "");
        foreach (var g in score.Groups.Where(g => g.MinimumMet != Truth.True && g.Group.Minimum > 0))
            yield return $"{g.Group.Id}得分 {Amounts.Plain(g.Points)}，该组至少需要 {Amounts.Plain(g.Group.Minimum)} 分";
        foreach (var i in score.Indicators.Where(i => i.NextStep is not null).OrderByDescending(i => i.Indicator.Max - (i.Points ?? 0)).Take(4))
            yield return $"{i.Indicator.Label}：当前{(i.Value is null ? "" : " " + i.Value + "，")}{Amounts.Plain(i.Points ?? 0)} 分；{i.NextStep}";
    }

    private static Truth InRegion(IReadOnlyList<string> regions, EvaluationContext context)
    {
        if (regions.Count == 0) return Truth.True;
        var area = context.Enterprise.Area;
        if (area is null || (area.Province is null && area.City is null)) return Truth.Unknown;
        return regions.Any(r => area.City is { } city && AreaNames.Same(r, city) || area.Province is { } province && AreaNames.Same(r, province))
            ? Truth.True : Truth.False;
    }

}
