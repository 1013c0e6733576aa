using System.Globalization;
using System.Text;
using Srdi.Engine.Runtime;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Expressions.Nodes;

internal enum ExprType { Number, Bool, Text, Date, List, Record, Null }

/// <summary>How a number is written when a computation is shown.</summary>
internal enum Display { Plain, Money, Rate }

/// <summary>A bound, type-checked expression node: evaluated many times, rendered with the
/// values it saw when a result explains itself.</summary>
internal abstract class Node
{
    public abstract ExprType Type { get; }

    /// <summary>For list-typed nodes: the fields of each item.</summary>
    public virtual IReadOnlyList<FieldDefinition> Fields => [];

    public virtual Display Display => Display.Plain;

    /// <summary>Binding strength for rendering: higher binds tighter.</summary>
    public virtual int Precedence => 100;

    public abstract Value Evaluate(EvaluationContext context);

    /// <summary>Writes the expression with each fact replaced by the value it had.</summary>
    public abstract void Render(EvaluationContext context, StringBuilder output);

    /// <summary>Renders without recording missing facts: showing a computation asks for nothing.</summary>
    public string Render(EvaluationContext context)
    {
        var missing = context.Missing;
        context.Missing = null;
        try
        {
            var sb = new StringBuilder();
            Render(context, sb);
            return sb.ToString();
        }
        finally
        {
            context.Missing = missing;
        }
    }

    protected static void RenderChild(Node child, EvaluationContext context, StringBuilder output, int parentPrecedence)
    {
        var parens = child.Precedence < parentPrecedence;
        if (parens) output.Append('(');
        child.Render(context, output);
        if (parens) output.Append(')');
    }

    public static void RenderValue(Value value, Display display, StringBuilder output)
    {
        switch (value.Kind)
        {
            case ValueKind.Unknown: output.Append("未知"); break;
            case ValueKind.Null: output.Append('空'); break;
            case ValueKind.Bool: output.Append(value.IsTrue ? "是" : "否"); break;
            case ValueKind.Text: output.Append('"').Append(value.Text).Append('"'); break;
            case ValueKind.Date: output.Append(value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case ValueKind.List: output.Append(value.Items.Length).Append(" 项"); break;
            case ValueKind.Record: output.Append("{…}"); break;
            default:
                output.Append(display switch
                {
                    Display.Money => Formatting.Amounts.Yuan(value.Number),
                    Display.Rate => Formatting.Amounts.Percent(value.Number),
                    _ => Formatting.Amounts.Plain(value.Number),
                });
                break;
        }
    }
}
