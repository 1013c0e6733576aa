using System.Text;
using Srdi.Engine.Runtime;

namespace Srdi.Engine.Expressions.Nodes;

/// <summary>min(…) and max(…): unknown if any argument is unknown.</summary>
internal sealed class Extremum(bool isMin, Node[] arguments) : Node
{
    public override ExprType Type => ExprType.Number;
    public override Display Display => arguments.Any(a => a.Display == Display.Money) ? Display.Money : arguments[0].Display;

    public override Value Evaluate(EvaluationContext context)
    {
        var best = arguments[0].Evaluate(context);
        var unknown = best.IsUnknown;
        for (var i = 1; i < arguments.Length; i++)
        {
            var v = arguments[i].Evaluate(context);
            if (v.IsUnknown) { unknown = true; continue; }
            if (best.IsUnknown || (isMin ? v.Number < best.Number : v.Number > best.Number)) best = v;
        }
        return unknown ? Value.Unknown : best;
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        output.Append(isMin ? "min(" : "max(");
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0) output.Append(", ");
            arguments[i].Render(context, output);
        }
        output.Append(')');
    }
}

/// <summary>if(cond, a, b).</summary>
internal sealed class Choice(Node condition, Node whenTrue, Node whenFalse) : Node
{
    public override ExprType Type => whenTrue.Type == ExprType.Null ? whenFalse.Type : whenTrue.Type;
    public override Display Display => whenTrue.Display != Display.Plain ? whenTrue.Display : whenFalse.Display;

    public override Value Evaluate(EvaluationContext context)
    {
        var c = condition.Evaluate(context);
        return c.Kind != ValueKind.Bool ? Value.Unknown : c.IsTrue ? whenTrue.Evaluate(context) : whenFalse.Evaluate(context);
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        var c = condition.Evaluate(context);
        if (c.Kind == ValueKind.Bool)
        {
            (c.IsTrue ? whenTrue : whenFalse).Render(context, output);
            return;
        }
        output.Append("if(");
        condition.Render(context, output);
        output.Append(", ");
        whenTrue.Render(context, output);
        output.Append(", ");
        whenFalse.Render(context, output);
        output.Append(')');
    }
}

/// <summary>between(x, lo, hi): both ends closed.</summary>
internal sealed class Between(Node value, Node low, Node high) : Node
{
    public override ExprType Type => ExprType.Bool;

    public override Value Evaluate(EvaluationContext context)
    {
        var v = value.Evaluate(context);
        var lo = low.Evaluate(context);
        var hi = high.Evaluate(context);
        if (v.IsUnknown || lo.IsUnknown || hi.IsUnknown) return Value.Unknown;
        return Value.Of(lo.Number <= v.Number && v.Number <= hi.Number);
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        low.Render(context, output);
        output.Append(" ≤ ");
        value.Render(context, output);
        output.Append(" ≤ ");
        high.Render(context, output);
    }
}

/// <summary>year(date).</summary>
internal sealed class YearOf(Node date) : Node
{
    public override ExprType Type => ExprType.Number;

    public override Value Evaluate(EvaluationContext context)
    {
        var d = date.Evaluate(context);
        return d.Kind == ValueKind.Date ? Value.Of(d.Date.Year) : Value.Unknown;
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        output.Append("year(");
        date.Render(context, output);
        output.Append(')');
    }
}

/// <summary>within_validity(date), reading rule 21: where a clause sets no period, an achievement
/// counts when it is dated inside the document's validity and on or before the evaluation date.
/// A document without a start date admits any earlier date; whether it was rewarded before is
/// then a fact of its own.</summary>
internal sealed class WithinValidity(Node date) : Node
{
    public override ExprType Type => ExprType.Bool;

    public override Value Evaluate(EvaluationContext context)
    {
        var d = date.Evaluate(context);
        if (d.Kind != ValueKind.Date) return Value.Unknown;
        var validity = context.Document.Validity;
        var inside = d.Date <= context.At && (validity.From is not { } from || d.Date >= from) && (validity.To is not { } to || d.Date <= to);
        return inside ? Value.True : Value.False;
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        date.Render(context, output);
        var v = Evaluate(context);
        if (!v.IsUnknown) output.Append(v.IsTrue ? "（在文件有效期内）" : "（不在文件有效期内）");
    }
}

/// <summary>floor(x): "1 point per full 2 years" is floor(years / 2).</summary>
internal sealed class Floor(Node operand) : Node
{
    public override ExprType Type => ExprType.Number;

    public override Value Evaluate(EvaluationContext context)
    {
        var v = operand.Evaluate(context);
        return v.IsUnknown ? v : Value.Of(decimal.Floor(v.Number));
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        output.Append("floor(");
        operand.Render(context, output);
        output.Append(')');
    }
}
