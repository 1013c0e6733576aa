using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Srdi.Engine;
using Srdi.Engine.Evaluation;
using Srdi.Model.Vocabulary;

namespace Srdi.Application.Evaluation;

/// <summary>Writes an evaluation as JSON in the documented schema (docs/evaluation-json.md).</summary>
public static class EvaluationJson
{
    public const string Schema = "srdi.evaluation/1";

    public static string Write(EvaluationReport report, CatalogVocabulary vocabulary, Tiers.UpgradeValue? upgrade = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            JsonParts.Header(w, Schema, report.Profile, report.At);
            w.WriteBoolean("include_drafts", report.IncludeDrafts);
            w.WriteStartArray("measures");
            foreach (var m in report.Measures) WriteMeasure(w, m, vocabulary);
            w.WriteEndArray();
            w.WriteStartObject("totals");
            JsonParts.Totals(w, "in_force", report.InForce);
            JsonParts.Totals(w, "drafts", report.Drafts);
            JsonParts.Totals(w, "counted", report.Counted);
            w.WriteEndObject();
            w.WriteStartArray("questions");
            foreach (var q in Questions.For(report, vocabulary))
            {
                w.WriteStartObject();
                w.WriteString("fact", q.Fact);
                w.WriteString("label", q.Label);
                w.WriteString("unit", q.Unit);
                w.WriteBoolean("yearly", q.Yearly);
                w.WriteStartArray("measures");
                foreach (var id in q.Measures) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (upgrade is not null) Tiers.AssessmentJson.WriteUpgrade(w, upgrade);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteMeasure(Utf8JsonWriter w, MeasureResult r, CatalogVocabulary vocabulary)
    {
        var m = r.Measure;
        w.WriteStartObject();
        w.WriteString("measure_id", m.Id);
        w.WriteString("document_id", m.DocumentId);
        w.WriteString("clause", m.Clause);
        w.WriteString("title", m.Title);
        w.WriteString("status", Words.Status(r.Status));
        w.WriteString("would_be", r.WouldBe is { } wb ? Words.Status(wb) : null);
        w.WriteBoolean("draft", r.Draft);
        w.WriteString("category", m.Category);
        w.WriteString("beneficiary", m.Beneficiary);
        w.WriteString("application", Words.Application(m.Application));
        w.WriteStartArray("departments");
        foreach (var d in m.Departments) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteString("excluded_by", r.ExcludedBy);

        w.WriteStartObject("benefit");
        w.WriteString("kind", Words.Kind(r.Kind));
        w.WriteNumber("exact", r.Exact);
        w.WriteNumber("up_to", r.UpTo);
        var years = r.ScheduleAmounts;
        if (years.Count > 0)
        {
            w.WriteStartObject("schedule");
            w.WriteStartArray("years");
            foreach (var y in years) w.WriteNumberValue(y);
            w.WriteEndArray();
            w.WriteNumber("total", r.ScheduleTotal);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("schedule");
        }
        w.WriteBoolean("capped", r.Capped);
        w.WriteStartArray("in_kind");
        foreach (var k in m.Benefit.InKind) w.WriteStringValue(k);
        w.WriteEndArray();
        w.WriteStartArray("parts");
        foreach (var p in r.Parts)
        {
            w.WriteStartObject();
            w.WriteString("label", p.Part.Label);
            w.WriteString("kind", Words.Kind(p.Kind));
            w.WriteString("applies", Words.Outcome(p.Applies));
            if (p.Amount is { } amount) w.WriteNumber("amount", amount); else w.WriteNull("amount");
            w.WriteString("computation", p.Computation);
            if (p.Cap is { } cap) w.WriteNumber("cap", cap); else w.WriteNull("cap");
            w.WriteBoolean("cap_applied", p.CapApplied);
            w.WriteString("cap_label", p.Part.CapLabel);
            w.WriteString("per", p.Part.Per);
            w.WriteString("payer", p.Part.Payer);
            w.WriteString("application", Words.Application(p.Application));
            w.WriteString("beneficiary", p.Beneficiary);
            if (p.Part.External is { } e)
            {
                w.WriteStartObject("external");
                w.WriteString("document", e.Document);
                w.WriteString("note", e.Note);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartArray("conditions");
        foreach (var c in r.Conditions)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            w.WriteString("rule", c.Rule);
            w.WriteString("outcome", Words.Outcome(c.Outcome));
            w.WriteString("seen", c.Seen);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("missing");
        foreach (var f in r.Missing)
        {
            w.WriteStartObject();
            w.WriteString("fact", f);
            w.WriteString("label", vocabulary.Facts.GetValueOrDefault(f)?.Label ?? f);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("clause_text", m.Text);
        w.WriteString("interpretation", m.Interpretation);
        w.WriteEndObject();
    }

}
