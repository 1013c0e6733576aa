using System.Text;
using Srdi.Engine.Runtime;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Expressions.Nodes;

internal static class FactDisplay
{
    public static Display Of(FactType type) => type switch
    {
        FactType.Money => Display.Money,
        FactType.Rate => Display.Rate,
        _ => Display.Plain,
    };

    public static ExprType TypeOf(FactType type) => type switch
    {
        FactType.Boolean => ExprType.Bool,
        FactType.Choice => ExprType.Text,
        FactType.Date => ExprType.Date,
        FactType.List => ExprType.List,
        _ => ExprType.Number,
    };
}

/// <summary>A fact that is not yearly.</summary>
internal sealed class FactReference(FactDefinition fact, int slot) : Node
{
    public FactDefinition Fact => fact;
    public override ExprType Type => FactDisplay.TypeOf(fact.Type);
    public override IReadOnlyList<FieldDefinition> Fields => fact.Fields;
    public override Display Display => FactDisplay.Of(fact.Type);

    public override Value Evaluate(EvaluationContext context)
    {
        var value = context.Enterprise.Scalar(slot);
        if (value.IsUnknown) context.NoteMissing(fact.Name);
        return value;
    }

    public override void Render(EvaluationContext context, StringBuilder output) =>
        RenderValue(context.Enterprise.Scalar(slot), Display, output);
}

/// <summary>A yearly fact read for one year: relative to the evaluation year (@last_year is
/// 上一年度, reading rule 14; @-2 two years before) or a fixed year (@2024).</summary>
internal sealed class YearlyFactReference(FactDefinition fact, int slot, bool relative, int year) : Node
{
    public FactDefinition Fact => fact;
    public override ExprType Type => FactDisplay.TypeOf(fact.Type);
    public override IReadOnlyList<FieldDefinition> Fields => fact.Fields;
    public override Display Display => FactDisplay.Of(fact.Type);

    private int YearFor(EvaluationContext context) => relative ? context.Year + year : year;

    public override Value Evaluate(EvaluationContext context)
    {
        var value = context.Enterprise.ForYear(slot, YearFor(context));
        if (value.IsUnknown) context.NoteMissing(fact.Name);
        return value;
    }

    public override void Render(EvaluationContext context, StringBuilder output) =>
        RenderValue(context.Enterprise.ForYear(slot, YearFor(context)), Display, output);
}

/// <summary><c>item.field</c> inside an aggregate.</summary>
internal sealed class ItemField(FieldDefinition definition, int index) : Node
{
    public override ExprType Type => FactDisplay.TypeOf(definition.Type);
    public override Display Display => FactDisplay.Of(definition.Type);

    public override Value Evaluate(EvaluationContext context) => context.Item![index];

    public override void Render(EvaluationContext context, StringBuilder output) =>
        RenderValue(context.Item![index], Display, output);
}

/// <summary><c>$name</c> or <c>$name(date)</c>: a dated parameter's value on a date.</summary>
internal sealed class ParameterReference(DatedParameter parameter, Node? date) : Node
{
    public override ExprType Type => ExprType.Number;
    public override Display Display => parameter.Unit?.Contains('元', StringComparison.Ordinal) == true ? Display.Money : Display.Rate;

    public override Value Evaluate(EvaluationContext context)
    {
        DateOnly on;
        if (date is null) on = context.At;
        else
        {
            var d = date.Evaluate(context);
            if (d.IsUnknown) return Value.Unknown;
            on = d.Date;
        }
        var value = parameter.At(on);
        return value is null ? Value.Unknown : Value.Of(value.Value);
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        var value = Evaluate(context);
        output.Append(parameter.Label).Append('[');
        RenderValue(value, Display, output);
        output.Append(']');
    }
}

/// <summary><c>$name</c> for a regional parameter: the enterprise's city's value, else its
/// province's, else the default, each on the evaluation date.</summary>
internal sealed class RegionalParameterReference(RegionalParameter parameter) : Node
{
    public override ExprType Type => ExprType.Number;

    public override Value Evaluate(EvaluationContext context)
    {
        var value = Resolve(context).At(context.At);
        return value is null ? Value.Unknown : Value.Of(value.Value);
    }

    public DatedParameter Resolve(EvaluationContext context) =>
        Evaluation.AreaNames.TryFindRegion(parameter.ByRegion, context.Enterprise.Place, out var values) ? values : parameter.Default;

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        output.Append(parameter.Label).Append('[');
        RenderValue(Evaluate(context), Display.Plain, output);
        output.Append(']');
    }
}

/// <summary><c>target</c>: the threshold a shortfall is computed against.</summary>
internal sealed class GapTarget : Node
{
    public override ExprType Type => ExprType.Number;
    public override Value Evaluate(EvaluationContext context) => context.Target;
    public override void Render(EvaluationContext context, StringBuilder output) => RenderValue(context.Target, Display.Plain, output);
}
