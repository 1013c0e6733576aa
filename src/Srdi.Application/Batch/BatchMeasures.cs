using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;

namespace Srdi.Application.Batch;

/// <summary>What a batch needs to know of each measure, worked out once: its document, lead
/// department, the fact slots its rules read, and the words for why it can fail.</summary>
public sealed class BatchMeasure
{
    public required int Index { get; init; }
    public required Measure Measure { get; init; }
    public required PolicyDocument Document { get; init; }
    public required string LeadDepartment { get; init; }
    /// <summary>The fact slots the measure's rules read, worked out the first time a row needs
    /// them: a national catalog has 30,000 measures, most of which concern no row of a roster.</summary>
    public int[] FactSlots => ReadSlots.Value;

    public required Lazy<int[]> ReadSlots { get; init; }
    public required string[] FailureLabels { get; init; }
    public required bool HasMoney { get; init; }
    public required string Application { get; init; }

    /// <summary>How to apply, in Chinese (申报, 免申即享), from the catalog's wording.</summary>
    public required string ApplicationLabel { get; init; }

    /// <summary>Who else the measure's money is paid to (buyers, staff, investors…), in Chinese,
    /// joined by 、; empty when every part pays the enterprise (reading rule 25).</summary>
    public required string OtherBeneficiaries { get; init; }

    /// <summary>What staff must read beside the list on a date: the clause waits on another
    /// policy's revision (reading rule 23); empty when nothing.</summary>
    public string CaveatOn(DateOnly at) =>
        Measure.PendingRevisionOn(at) is { } revision ? ChineseText.PendingRevision(revision, HasMoney) : "";
}

public static class BatchMeasures
{
    public static BatchMeasure[] For(CompiledCatalog catalog, Vocabulary.Wording wording)
    {
        var documents = catalog.Catalog.Documents.ToDictionary(d => d.Id);
        return catalog.Measures.Select((m, i) =>
        {
            var document = documents[m.DocumentId];
            var failures = new List<string> { $"注册地不在{document.Area}", $"需持有：{string.Join("或", m.Targets)}" };
            failures.AddRange(m.Conditions.Select(c => c.Label ?? c.Rule.Text));
            return new BatchMeasure
            {
                Index = i,
                Measure = m,
                Document = document,
                // Qualified by the document's area and joined across spellings: one row per bureau.
                LeadDepartment = m.Departments is [var lead, ..]
                    ? catalog.Catalog.Vocabulary.Departments.Qualified(lead, document.Area)
                    : $"未载明（{document.Issuer}）",
                ReadSlots = new(() => PolicyLibrary.Expressions(m).SelectMany(e => RuleText.Names(e.Text)).Distinct()
                    .Select(n => catalog.TryGetSlot(n, out var s) ? s : -1).Where(s => s >= 0).ToArray()),
                FailureLabels = failures.ToArray(),
                HasMoney = m.HasMoney,
                Application = Words.Application(m.Application),
                ApplicationLabel = wording.Application(m.Application),
                OtherBeneficiaries = string.Join("、", m.Benefit.Parts.Select(p => p.Beneficiary ?? m.Beneficiary)
                    .Where(b => b != Evaluation.EvaluationView.EnterpriseBeneficiary).Distinct().Select(wording.Beneficiary)),
            };
        }).ToArray();
    }
}
