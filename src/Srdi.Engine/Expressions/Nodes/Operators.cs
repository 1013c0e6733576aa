using System.Text;
using Srdi.Engine.Runtime;

namespace Srdi.Engine.Expressions.Nodes;

internal sealed class Arithmetic(string op, Node left, Node right) : Node
{
    public override ExprType Type => ExprType.Number;
    public override int Precedence => op is "+" or "-" ? 50 : 60;
    // Money over money is a ratio (研发费用 ÷ 营业收入); otherwise money stays money.
    public override Display Display =>
        op == "/" && left.Display == right.Display && left.Display != Display.Plain ? Display.Rate
        : left.Display == Display.Money || right.Display == Display.Money ? Display.Money
        : left.Display;

    public override Value Evaluate(EvaluationContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        if (a.IsUnknown || b.IsUnknown) return Value.Unknown;
        return op switch
        {
            "+" => Value.Of(a.Number + b.Number),
            "-" => Value.Of(a.Number - b.Number),
            "*" => Value.Of(a.Number * b.Number),
            // A ratio over zero (growth from a zero base) is undefined: unknown, not an error.
            _ => b.Number == 0 ? Value.Unknown : Value.Of(a.Number / b.Number),
        };
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        RenderChild(left, context, output, Precedence);
        output.Append(op switch { "*" => " × ", "/" => " ÷ ", _ => $" {op} " });
        // The right side of - and ÷ needs parentheses at equal precedence too.
        RenderChild(right, context, output, op is "-" or "/" ? Precedence + 1 : Precedence);
    }
}

internal sealed class Negation(Node operand) : Node
{
    public override ExprType Type => ExprType.Number;
    public override int Precedence => 70;
    public override Display Display => operand.Display;

    public override Value Evaluate(EvaluationContext context)
    {
        var v = operand.Evaluate(context);
        return v.IsUnknown ? v : Value.Of(-v.Number);
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        output.Append('-');
        RenderChild(operand, context, output, Precedence);
    }
}

internal sealed class Comparison(string op, Node left, Node right) : Node
{
    public override ExprType Type => ExprType.Bool;
    public override int Precedence => 40;

    public override Value Evaluate(EvaluationContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        if (a.Kind == ValueKind.Null || b.Kind == ValueKind.Null)
        {
            // "x == null" asks whether a fact is missing: always decidable.
            var missing = (a.Kind == ValueKind.Null ? b : a).Kind is ValueKind.Unknown or ValueKind.Null;
            return Value.Of(op == "==" ? missing : !missing);
        }
        if (a.IsUnknown || b.IsUnknown) return Value.Unknown;
        if (a.Kind == ValueKind.Text || b.Kind == ValueKind.Text)
        {
            var equal = a.Kind == b.Kind && string.Equals(a.Ref as string, b.Ref as string, StringComparison.Ordinal);
            return Value.Of(op == "==" ? equal : !equal);
        }
        return Value.Of(op switch
        {
            "<" => a.Number < b.Number,
            "<=" => a.Number <= b.Number,
            ">" => a.Number > b.Number,
            ">=" => a.Number >= b.Number,
            "==" => a.Number == b.Number,
            _ => a.Number != b.Number,
        });
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        RenderChild(left, context, output, Precedence + 1);
        output.Append(op switch { "<=" => " ≤ ", ">=" => " ≥ ", "!=" => " ≠ ", "==" => " = ", _ => $" {op} " });
        RenderChild(right, context, output, Precedence + 1);
    }
}

/// <summary>Kleene logic (<see cref="TruthLogic"/>), evaluated lazily so that a decisive left
/// side neither reads nor reports the facts of the right side.</summary>
internal sealed class Logic(bool isAnd, Node left, Node right) : Node
{
    public override ExprType Type => ExprType.Bool;
    public override int Precedence => isAnd ? 20 : 10;

    public override Value Evaluate(EvaluationContext context)
    {
        var mark = context.MissingMark;
        var a = left.Evaluate(context);
        var decisive = isAnd ? a.IsFalse : a.IsTrue;
        if (decisive)
        {
            context.ForgetMissingSince(mark);
            return a;
        }
        var b = right.Evaluate(context);
        if (isAnd ? b.IsFalse : b.IsTrue)
        {
            context.ForgetMissingSince(mark);
            return b;
        }
        var truth = isAnd ? Truth(a).And(Truth(b)) : Truth(a).Or(Truth(b));
        return truth == Engine.Truth.Unknown ? Value.Unknown : Value.Of(truth == Engine.Truth.True);
    }

    private static Truth Truth(Value v) => v.IsUnknown ? Engine.Truth.Unknown : v.IsTrue ? Engine.Truth.True : Engine.Truth.False;

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        RenderChild(left, context, output, Precedence);
        output.Append(isAnd ? " 且 " : " 或 ");
        RenderChild(right, context, output, Precedence + 1);
    }
}

internal sealed class Not(Node operand) : Node
{
    public override ExprType Type => ExprType.Bool;
    public override int Precedence => 30;

    public override Value Evaluate(EvaluationContext context)
    {
        var v = operand.Evaluate(context);
        return v.Kind == ValueKind.Bool ? Value.Of(!v.IsTrue) : Value.Unknown;
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        output.Append("非 ");
        RenderChild(operand, context, output, Precedence);
    }
}

internal sealed class Membership(Node value, Node[] choices) : Node
{
    public override ExprType Type => ExprType.Bool;
    public override int Precedence => 40;

    public override Value Evaluate(EvaluationContext context)
    {
        var v = value.Evaluate(context);
        if (v.IsUnknown) return Value.Unknown;
        foreach (var choice in choices)
        {
            var c = choice.Evaluate(context);
            if (c.Kind == v.Kind && (v.Kind == ValueKind.Text ? string.Equals(c.Text, v.Text, StringComparison.Ordinal) : c.Number == v.Number))
                return Value.True;
        }
        return Value.False;
    }

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        RenderChild(value, context, output, Precedence + 1);
        output.Append(" 属于 (");
        for (var i = 0; i < choices.Length; i++)
        {
            if (i > 0) output.Append(", ");
            choices[i].Render(context, output);
        }
        output.Append(')');
    }
}
