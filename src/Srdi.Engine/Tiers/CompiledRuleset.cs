using Srdi.Engine.Expressions;
using Srdi.Engine.Expressions.Nodes;
using Srdi.Engine.Runtime;
using Srdi.Model.Sources;
using Srdi.Model.Tiers;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Tiers;

internal sealed record CompiledGap(Node Value, Node Target, Node? Shortfall, string? ShortfallLabel);

internal sealed record CompiledCriterion(Criterion Source, Node? Rule, CompiledCriterion[] All, CompiledCriterion[] Any, CompiledGap? Gap);

internal sealed record CompiledBand(Band Source, Node? When);

internal sealed record CompiledIndicator(Indicator Source, Node? Value, CompiledBand[] Bands, Node? Points, Node? Shortfall);

internal sealed record CompiledTier(TierCriteria Source, CompiledCriterion[] Conditions, CompiledCriterion[] Direct, Node? PassMark, CompiledIndicator[] Indicators);

internal sealed record CompiledSizeRule(SizeClassRule Source, Node Sme, Node Medium, Node Small);

/// <summary>A tier ruleset compiled by the same binder as the measures: one rule mechanism.</summary>
internal sealed record CompiledRuleset(TierRuleset Source, CompiledSizeRule[] SizeRules, CompiledTier[] Tiers)
{
    public static CompiledRuleset Compile(TierRuleset ruleset, FactSlots slots, CatalogVocabulary vocabulary, CertificateBits bits)
    {
        var binder = new Binder(slots, vocabulary, RuleScope.For(ruleset), bits);
        var gapBinder = new Binder(slots, vocabulary, RuleScope.For(ruleset) with { HasTarget = true }, bits);
        foreach (var tier in ruleset.Tiers)
            if (!vocabulary.Certificates.ContainsKey(tier.Certificate))
                throw new CatalogException(ruleset.Location, $"梯度 \"{tier.Name}\" 的 certificate \"{tier.Certificate}\" 不是证书种类");

        CompiledCriterion Criterion(Criterion c) => new(c,
            c.Rule is null ? null : binder.Compile(c.Rule, ExprType.Bool, $"条件 {c.Id}"),
            c.All.Select(Criterion).ToArray(),
            c.Any.Select(Criterion).ToArray(),
            c.Gap is null ? null : new CompiledGap(
                binder.Compile(c.Gap.Value, ExprType.Number, $"条件 {c.Id} 的 gap.value"),
                binder.Compile(c.Gap.Target, ExprType.Number, $"条件 {c.Id} 的 gap.target"),
                c.Gap.Shortfall is null ? null : gapBinder.Compile(c.Gap.Shortfall, ExprType.Number, $"条件 {c.Id} 的 gap.shortfall"),
                c.Gap.ShortfallLabel));

        CompiledIndicator Indicator(Indicator i) => new(i,
            i.Value is null ? null : binder.Compile(i.Value, ExprType.Number, $"指标 {i.Id} 的 value"),
            i.Bands.Select(b => new CompiledBand(b, b.When is null ? null : binder.Compile(b.When, ExprType.Bool, $"指标 {i.Id} 的分档条件"))).ToArray(),
            i.Points is null ? null : binder.Compile(i.Points, ExprType.Number, $"指标 {i.Id} 的 points"),
            i.Shortfall is null ? null : gapBinder.Compile(i.Shortfall, ExprType.Number, $"指标 {i.Id} 的 shortfall"));

        return new CompiledRuleset(ruleset,
            ruleset.SizeClasses.Select(s => new CompiledSizeRule(s,
                binder.Compile(s.Sme, ExprType.Bool, $"{s.Industry} 的 sme"),
                binder.Compile(s.Medium, ExprType.Bool, $"{s.Industry} 的 medium"),
                binder.Compile(s.Small, ExprType.Bool, $"{s.Industry} 的 small"))).ToArray(),
            ruleset.Tiers.Select(t => new CompiledTier(t,
                t.Conditions.Select(Criterion).ToArray(),
                t.Direct.Select(Criterion).ToArray(),
                t.Score is null ? null : binder.Compile(t.Score.PassMark, ExprType.Number, $"{t.Name} 的 pass_mark"),
                (t.Score?.Indicators ?? []).Select(Indicator).ToArray())).ToArray());
    }
}
