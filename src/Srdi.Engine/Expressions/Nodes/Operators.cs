using System.Text;
using Srdi.Engine.Runtime;

namespace Srdi.Engine.Expressions.Nodes;

/// <summary>An operator as a number: a string switch on every evaluation of a million rows costs
/// more than the arithmetic it selects.</summary>
internal enum Operator { Add, Subtract, Multiply, Divide, Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual }

internal static class Operators
{
    public static Operator Of(string op) => op switch
    {
        "+" => Operator.Add,
        "-" => Operator.Subtract,
        "*" => Operator.Multiply,
        "/" => Operator.Divide,
        "<" => Operator.Less,
        "<=" => Operator.LessOrEqual,
        ">" => Operator.Greater,
        ">=" => Operator.GreaterOrEqual,
        "==" => Operator.Equal,
        "!=" => Operator.NotEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}

internal sealed class Arithmetic(string op, Node left, Node right) : Node
{
    private readonly Operator _op = Operators.Of(op);

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
        return _op switch
        {
            Operator.Add => Value.Of(a.Number + b.Number),
            Operator.Subtract => Value.Of(a.Number - b.Number),
            Operator.Multiply => Value.Of(a.Number * b.Number),
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
    private readonly Operator _op = Operators.Of(op);

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
            return Value.Of(_op == Operator.Equal ? missing : !missing);
        }
        if (a.IsUnknown || b.IsUnknown) return Value.Unknown;
        if (a.Kind == ValueKind.Text || b.Kind == ValueKind.Text)
        {
            var equal = a.Kind == b.Kind && string.Equals(a.Ref as string, b.Ref as string, StringComparison.Ordinal);
            return Value.Of(_op == Operator.Equal ? equal : !equal);
        }
        return Value.Of(_op switch
        {
            Operator.Less => a.Number < b.Number,
            Operator.LessOrEqual => a.Number <= b.Number,
            Operator.Greater => a.Number > b.Number,
            Operator.GreaterOrEqual => a.Number >= b.Number,
            Operator.Equal => a.Number == b.Number,
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
    // Choices are nearly always literals ("中型", "小型"): their values once, not a call each.
    private readonly Value[]? _constants = choices.All(c => c is TextLiteral or NumberLiteral or BoolLiteral)
        ? [.. choices.Select(c => c.Evaluate(null!))]
        : null;

    public override ExprType Type => ExprType.Bool;
    public override int Precedence => 40;

    public override Value Evaluate(EvaluationContext context)
    {
        var v = value.Evaluate(context);
        if (v.IsUnknown) return Value.Unknown;
        if (_constants is not null)
        {
            foreach (var c in _constants)
                if (c.Kind == v.Kind && (v.Kind == ValueKind.Text ? string.Equals(c.Text, v.Text, StringComparison.Ordinal) : c.Number == v.Number))
                    return Value.True;
            return Value.False;
        }
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
