using System.Text;
using Srdi.Engine.Runtime;
using Srdi.Model.Profiles;
using Srdi.Model.Vocabulary;

namespace Srdi.Engine.Expressions.Nodes;

/// <summary>holds("专精特新企业"): a certificate of one of the term's kinds, valid on the evaluation
/// date (reading rule 10: a lapsed certificate counts for nothing).</summary>
internal sealed class Holds(string written, ulong mask) : Node
{
    public override ExprType Type => ExprType.Bool;

    public override Value Evaluate(EvaluationContext context) => Value.Of(context.Holds(mask));

    public override void Render(EvaluationContext context, StringBuilder output) =>
        output.Append("持有有效的").Append(written);
}

internal enum FirstObtainedWindow { DocumentValidity, ThisYear, LastYear }

/// <summary>first_obtained("…"): first certified (not a renewal) inside the window the measure
/// covers and not after the evaluation date (reading rule 13).</summary>
internal sealed class FirstObtained(string written, CertificateRequirement[] requirements, FirstObtainedWindow window) : Node
{
    public override ExprType Type => ExprType.Bool;

    public override Value Evaluate(EvaluationContext context)
    {
        foreach (ref readonly var certificate in context.Enterprise.Held)
        {
            if (certificate.Renewal || certificate.IssuedOn > context.At) continue;
            if (!CertificateMatch.Matches(certificate.Kind, certificate.Level, requirements)) continue;
            var inWindow = window switch
            {
                FirstObtainedWindow.ThisYear => certificate.IssuedOn.Year == context.Year,
                FirstObtainedWindow.LastYear => certificate.IssuedOn.Year == context.Year - 1,
                _ => InDocumentWindow(certificate.IssuedOn, context),
            };
            if (inWindow) return Value.True;
        }
        return Value.False;
    }

    /// <summary>Inside the document's validity. Where the text prints no start date (南京: 自公布之日起施行)
    /// a first certification counts only in the evaluation year or the year before: a one-off reward
    /// for a new title is claimed in the next round, and an old title is not "首次" under a new document.</summary>
    private static bool InDocumentWindow(DateOnly issued, EvaluationContext context)
    {
        var validity = context.Document.Validity;
        if (validity.From is null && issued.Year < context.Year - 1) return false;
        return validity.Contains(issued);
    }

    public override void Render(EvaluationContext context, StringBuilder output) =>
        output.Append(window switch
        {
            FirstObtainedWindow.ThisYear => "本年度首次获得",
            FirstObtainedWindow.LastYear => "上一年度首次获得",
            _ => "文件有效期内首次获得",
        }).Append(written);
}

internal static class CertificateMatch
{
    public static bool Matches(string kind, CertificateLevel level, CertificateRequirement[] requirements)
    {
        foreach (var r in requirements)
            if (kind == r.Kind && (r.Level is null || r.Level == level)) return true;
        return false;
    }
}
