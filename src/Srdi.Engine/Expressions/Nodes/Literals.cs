using System.Globalization;
using System.Text;
using Srdi.Engine.Runtime;

namespace Srdi.Engine.Expressions.Nodes;

internal sealed class NumberLiteral(decimal value, string unit) : Node
{
    private readonly Value _value = Value.Of(value);

    public override ExprType Type => ExprType.Number;
    public override Display Display => unit switch { "万" or "亿" or "元" => Display.Money, "%" or "‰" => Display.Rate, _ => Display.Plain };
    public override Value Evaluate(EvaluationContext context) => _value;

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        if (unit == "‰") output.Append(Formatting.Amounts.Plain(value * 1000m)).Append('‰');
        else RenderValue(_value, Display, output);
    }
}

internal sealed class TextLiteral(string value) : Node
{
    private readonly Value _value = Value.Of(value);
    public override ExprType Type => ExprType.Text;
    public override Value Evaluate(EvaluationContext context) => _value;
    public override void Render(EvaluationContext context, StringBuilder output) => output.Append('"').Append(value).Append('"');
}

internal sealed class BoolLiteral(bool value) : Node
{
    public override ExprType Type => ExprType.Bool;
    public override Value Evaluate(EvaluationContext context) => Value.Of(value);
    public override void Render(EvaluationContext context, StringBuilder output) => output.Append(value ? "true" : "false");
}

internal sealed class NullLiteral : Node
{
    public override ExprType Type => ExprType.Null;
    public override Value Evaluate(EvaluationContext context) => Value.Null;
    public override void Render(EvaluationContext context, StringBuilder output) => output.Append("null");
}

/// <summary><c>at</c>: the evaluation date.</summary>
internal sealed class EvaluationDate : Node
{
    public override ExprType Type => ExprType.Date;
    public override Value Evaluate(EvaluationContext context) => Value.Of(context.At);
    public override void Render(EvaluationContext context, StringBuilder output) => output.Append(context.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
