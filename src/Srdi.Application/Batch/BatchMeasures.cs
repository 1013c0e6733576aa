using Srdi.Application.Evaluation;
using Srdi.Application.Policies;
using Srdi.Engine.Evaluation;
using Srdi.Engine.Expressions;
using Srdi.Model.Policies;

namespace Srdi.Application.Batch;

/// <summary>What a batch needs to know of each measure, worked out once: its document, lead
/// department, the fact slots its rules read, and the words for why it can fail. The words are
/// worked out the first time a summary, a list or a row with nothing asks for them: a national
/// catalog has 30,348 measures, and wording them all took a fifth of a 100,000-row batch although
/// only the measures of the roster's areas are ever shown.</summary>
public sealed class BatchMeasure
{
    private readonly Func<BatchMeasure, Wording> _word;
    private readonly Func<BatchMeasure, int[]> _readSlots;
    private Wording? _wording;
    private int[]? _slots;

    internal BatchMeasure(int index, Measure measure, PolicyDocument document, Func<BatchMeasure, Wording> word, Func<BatchMeasure, int[]> readSlots)
    {
        Index = index;
        Measure = measure;
        Document = document;
        HasMoney = measure.HasMoney;
        _word = word;
        _readSlots = readSlots;
    }

    public int Index { get; }
    public Measure Measure { get; }
    public PolicyDocument Document { get; }
    public bool HasMoney { get; }

    /// <summary>The fact slots the measure's rules read.</summary>
    public int[] FactSlots => _slots ?? LazyInitializer.EnsureInitialized(ref _slots, () => _readSlots(this));

    public string LeadDepartment => Words.LeadDepartment;
    public string[] FailureLabels => Words.FailureLabels;
    public string Application => Words.Application;

    /// <summary>How to apply, in Chinese (申报, 免申即享), from the catalog's wording.</summary>
    public string ApplicationLabel => Words.ApplicationLabel;

    /// <summary>Who else the measure's money is paid to (buyers, staff, investors…), in Chinese,
    /// joined by 、; empty when every part pays the enterprise (reading rule 25).</summary>
    public string OtherBeneficiaries => Words.OtherBeneficiaries;

    // Workers may ask at once: both work out the same words, and one is kept.
    private Wording Words => _wording ?? LazyInitializer.EnsureInitialized(ref _wording, () => _word(this));

    /// <summary>What staff must read beside the list on a date: the clause waits on another
    /// policy's revision (reading rule 23); empty when nothing.</summary>
    public string CaveatOn(DateOnly at) =>
        Measure.PendingRevisionOn(at) is { } revision ? ChineseText.PendingRevision(revision, HasMoney) : "";

    /// <param name="LeadDepartment">Qualified by the document's area and joined across spellings: one row per bureau.</param>
    internal sealed record Wording(string LeadDepartment, string[] FailureLabels, string Application, string ApplicationLabel, string OtherBeneficiaries);
}

public static class BatchMeasures
{
    public static BatchMeasure[] For(CompiledCatalog catalog, Vocabulary.Wording wording)
    {
        var documents = catalog.Catalog.Documents.ToDictionary(d => d.Id);
        var departments = catalog.Catalog.Vocabulary.Departments;
        BatchMeasure.Wording Word(BatchMeasure b)
        {
            var (m, document) = (b.Measure, b.Document);
            var failures = new List<string> { $"注册地不在{document.Area}", $"需持有：{string.Join("或", m.Targets)}" };
            failures.AddRange(m.Conditions.Select(c => c.Label ?? c.Rule.Text));
            return new BatchMeasure.Wording(
                m.Departments is [var lead, ..] ? departments.Qualified(lead, document.Area) : $"未载明（{document.Issuer}）",
                failures.ToArray(),
                Words.Application(m.Application),
                wording.Application(m.Application),
                string.Join("、", m.Benefit.Parts.Select(p => p.Beneficiary ?? m.Beneficiary)
                    .Where(x => x != Evaluation.EvaluationView.EnterpriseBeneficiary).Distinct().Select(wording.Beneficiary)));
        }
        int[] ReadSlots(BatchMeasure b) => PolicyLibrary.Expressions(b.Measure).SelectMany(e => RuleText.Names(e.Text)).Distinct()
            .Select(n => catalog.TryGetSlot(n, out var s) ? s : -1).Where(s => s >= 0).ToArray();
        return catalog.Measures.Select((m, i) => new BatchMeasure(i, m, documents[m.DocumentId], Word, ReadSlots)).ToArray();
    }
}
