using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Srdi.Application.Contracts;

/// <summary>The product's JSON: snake_case names, Chinese written as itself, indented, every type
/// serialised by generated code (no reflection), the same for the CLI and the HTTP API.</summary>
public static class SrdiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Chinese and quotes as themselves: the results are read by people too, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly SrdiJsonContext Context = new(Options);

    public static string Serialize(EvaluationResult value) => JsonSerializer.Serialize(value, Context.EvaluationResult);

    public static string Serialize(AssessmentResult value) => JsonSerializer.Serialize(value, Context.AssessmentResult);

    public static string Serialize(MeasureDetail value) => JsonSerializer.Serialize(value, Context.MeasureDetail);

    public static string Serialize(BatchSummaryResult value) => JsonSerializer.Serialize(value, Context.BatchSummaryResult);

    public static string Serialize(AreaComparisonResult value) => JsonSerializer.Serialize(value, Context.AreaComparisonResult);

    public static string Serialize(EntitlementChangesResult value) => JsonSerializer.Serialize(value, Context.EntitlementChangesResult);

    public static string Serialize(ErrorResult value) => JsonSerializer.Serialize(value, Context.ErrorResult);
}

[JsonSerializable(typeof(EvaluationResult))]
[JsonSerializable(typeof(AssessmentResult))]
[JsonSerializable(typeof(MeasureDetail))]
[JsonSerializable(typeof(IReadOnlyList<MeasureSummary>))]
[JsonSerializable(typeof(IReadOnlyList<PolicyDocumentResult>))]
[JsonSerializable(typeof(BatchSummaryResult))]
[JsonSerializable(typeof(AreaComparisonResult))]
[JsonSerializable(typeof(EntitlementChangesResult))]
[JsonSerializable(typeof(ErrorResult))]
public sealed partial class SrdiJsonContext : JsonSerializerContext;
