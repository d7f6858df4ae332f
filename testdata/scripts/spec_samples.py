#!/usr/bin/env python3
"""Writes the documentation's sample bodies (DIGEST.md section 13, T1-T12) verbatim into
testdata/spec/. Run from testdata/. The samples are short; keeping them here, byte for byte,
lets the tests cite the file and the section."""
T = {
    # T1: CollectSSL/CollectPAC newline, status 2; placeholders instead of base64, the
    # documentation's malformed armour (the status line 2 precedes it in a real response).
    "t01-collect-ssl-newline-armour.txt": "2\n"
    "----- BEGIN CERTIFICATE -----\nEncoded Root Certificate\n----- END CERTIFICATE -----\n"
    "----- BEGIN CERTIFICATE -----\nEncoded Intermediate Certificate\n----- END CERTIFICATE -----\n"
    "----- BEGIN CERTIFICATE -----\nEncoded End Entity Certificate\n---- END CERTIFICATE -----\n",
    "t02-validity-dmy.txt": "14/05/2013 13/05/2014",
    "t03-validity-unix.txt": "1761696000 1793232000",
    "t04-mdc-details.txt": "domain1.com VALIDATED, domain2.com NOTVALIDATED",
    "t05-auto-apply-order-newline.txt": "0\n3040824\n210.00\n1\nTnerFu0d\n",
    "t06-auto-apply-order-urlenc.txt":
        "errorCode=0&orderNumber=3040824&totalCost=210.00&expectedDeliveryTime=1&uniqueValue=TnerFu0d",
    "t07-auto-apply-order-dv-newline.txt": "0\n123456789\n35.00\n1\nlmWhh1J1\n",
    "t08-order-status-urlenc.txt":
        "errorCode=0&1_orderNumber=*******&1_orderDateTime=2025-01-01+13%3A52&1_orderStatus=Pending"
        "&1_orderStatusReason=&1_1_serialNumber=&1_1_objectType=Verified+Mark+Certificate+%28VMC%29+%282+of+2+Domains%29"
        "&1_1_certificateDuration=365&1_1_productTermDuration=365&1_1_FQDN=**********.com%2********.com"
        "&1_1_certificateStatus=Awaiting+Validation&1_1_evClickThroughStatus=0"
        "&1_1_trademarkOffice=United+States+Copyright+Office&1_1_trademarkIdentifier=*********0"
        "&1_1_trademarkCountryName=United+States&1_1_trademarkCountry2CharCode=US&1_1_logoHostedByCA=-1",
    "t09-order-status-error-pydict.txt":
        "{'errorCode': '-4', 'errorMessage': \"The value of the 'orderNumber' argument is invalid!\"}",
    "t10-mark-order-status-prefix.txt":
        "errorCode=0&1_orderNumber=7250060&1_orderDateTime=2025-06-11+11%3A57&1_orderStatus=Pend",
    "t11-mark-error-urlenc.txt":
        "errorCode=-3&errorMessage=The+%27logoPriorUseDomainName%27+argument+is+missing%21",
    "t12a-retry-caa-raw-spaces.txt": "errorCode=0&errorMessage=CAA Check successfully relaunched",
    "t12b-retry-caa-raw-spaces-error.txt": "errorCode=-296&errorMessage=Wrong certificate state",
    "t13-collect-ssl-request.txt":
        "loginName=login_name&loginPassword=login_password&orderNumber=order_number"
        "&queryType=0&showStatusDetails=Y&responseType=3&responseFormat=1"
        "&showExtStatus=Y&showValidityPeriod=Y",
}
for name, body in T.items():
    open(f"spec/{name}", "w", newline="").write(body)
