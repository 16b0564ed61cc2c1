package cn.ogi.reporting.rest;

import cn.ogi.web.ProblemException;

/** The Delivery-Key of a delivery, single or in a batch: 1 to 200 characters, unique per delivery. */
final class DeliveryKeys {

    private DeliveryKeys() {}

    static String check(String deliveryKey) {
        if (deliveryKey == null || deliveryKey.isBlank() || deliveryKey.length() > 200) {
            throw ProblemException.badRequest(
                    "delivery-key-required",
                    "Header 'Delivery-Key' (1 to 200 characters, unique per delivery) is required");
        }
        return deliveryKey;
    }
}
