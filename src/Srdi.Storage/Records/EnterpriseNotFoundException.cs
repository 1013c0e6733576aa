namespace Srdi.Storage.Records;

/// <summary>No record has this id.</summary>
public sealed class EnterpriseNotFoundException(string enterpriseId)
    : EnterpriseRecordException(enterpriseId, $"没有企业 {enterpriseId} 的档案");
