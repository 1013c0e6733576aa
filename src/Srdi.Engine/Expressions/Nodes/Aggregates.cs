using System.Text;
using Srdi.Engine.Runtime;

namespace Srdi.Engine.Expressions.Nodes;

internal enum AggregateKind { Sum, Count, Any, All }

/// <summary>sum/count/any/all over a list fact; <c>item</c> is each element in turn.
/// Per-item caps go inside (min(60% × item, 600万)); the enterprise cap outside (reading rule 3).</summary>
internal sealed class Aggregate(AggregateKind kind, Node list, Node? body) : Node
{
    public override ExprType Type => kind is AggregateKind.Sum or AggregateKind.Count ? ExprType.Number : ExprType.Bool;
    public override Display Display => kind == AggregateKind.Sum && body is not null ? body.Display : Display.Plain;

    public override Value Evaluate(EvaluationContext context)
    {
        var l = list.Evaluate(context);
        if (l.IsUnknown) return Value.Unknown;
        if (l.Kind != ValueKind.List) return Value.Unknown;
        var items = l.Items;
        // Most list facts of most enterprises are empty: the answer needs no item scope.
        if (items.Length == 0) return Result(0);
        var saved = context.Item;
        try
        {
            decimal total = 0;
            var unknown = false;
            foreach (var item in items)
            {
                context.Item = item.Items;
                if (body is null) { total++; continue; }
                var v = body.Evaluate(context);
                switch (kind)
                {
                    case AggregateKind.Sum:
                        if (v.IsUnknown) unknown = true; else total += v.Number;
                        break;
                    case AggregateKind.Count:
                        if (v.IsUnknown) unknown = true; else if (v.IsTrue) total++;
                        break;
                    case AggregateKind.Any:
                        if (v.IsTrue) return Value.True;
                        if (v.IsUnknown) unknown = true;
                        break;
                    case AggregateKind.All:
                        if (v.IsFalse) return Value.False;
                        if (v.IsUnknown) unknown = true;
                        break;
                }
            }
            return unknown ? Value.Unknown : Result(total);
        }
        finally
        {
            context.Item = saved;
        }
    }

    /// <summary>The answer once every item is read without deciding it: no item made any() true or all() false.</summary>
    private Value Result(decimal total) => kind switch
    {
        AggregateKind.Any => Value.False,
        AggregateKind.All => Value.True,
        _ => Value.Of(total),
    };

    public override void Render(EvaluationContext context, StringBuilder output)
    {
        var l = list.Evaluate(context);
        if (l.Kind != ValueKind.List || body is null || kind != AggregateKind.Sum)
        {
            output.Append(kind.ToString().ToLowerInvariant()).Append('(');
            list.Render(context, output);
            if (body is not null)
            {
                output.Append(", …");
            }
            output.Append(')');
            return;
        }
        if (l.Items.Length == 0) { output.Append('0'); return; }
        var saved = context.Item;
        if (l.Items.Length > 1) output.Append('(');
        for (var i = 0; i < l.Items.Length; i++)
        {
            if (i > 0) output.Append(" + ");
            context.Item = l.Items[i].Items;
            RenderChild(body, context, output, 51);
        }
        if (l.Items.Length > 1) output.Append(')');
        context.Item = saved;
    }
}
