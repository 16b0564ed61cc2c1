package cn.ogi.reader.render;

/** The fixed wording of the State Council form that the edition definitions do not carry (they hold only labels). */
final class FormText {

    static final String CONTENT = "信息内容";
    static final String BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    static final String APPLICANTS = "申请人情况";
    static final String PARTIAL_NOTE = "（区分处理的，只计这一情形，不计其他情形）";
    /** The subgroup the note follows. */
    static final String PARTIAL = "部分公开";

    static final String INTRO = "本报告根据《中华人民共和国政府信息公开条例》和上级有关要求编制，包括总体情况、主动公开政府信息情况、"
            + "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。";
    static final String SECTION_1 = "一、总体情况";
    static final String SECTION_2 = "二、主动公开政府信息情况";
    static final String SECTION_3 = "三、收到和处理政府信息公开申请情况";
    static final String SECTION_4 = "四、政府信息公开行政复议、行政诉讼情况";
    static final String SECTION_5 = "五、存在的主要问题及改进情况";
    static final String SECTION_6 = "六、其他需要报告的事项";

    private FormText() {}
}
