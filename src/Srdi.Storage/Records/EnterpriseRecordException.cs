namespace Srdi.Storage.Records;

/// <summary>A change to the enterprise records is refused; <see cref="Exception.Message"/> says
/// why in Chinese, for the person who made it.</summary>
public abstract class EnterpriseRecordException(string enterpriseId, string message) : Exception(message)
{
    public string EnterpriseId { get; } = enterpriseId;
}
